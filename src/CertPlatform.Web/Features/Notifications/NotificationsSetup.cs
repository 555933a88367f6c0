using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Notifications;

/// <summary>E-mail notifications through an outbox: options, templates, producers (result handler, scanner) and the dispatcher.</summary>
public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddOptions<NotificationOptions>().Bind(config.GetSection(NotificationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.AddSingleton(sp =>
        {
            // Read from configuration, not IOptions: the options validator below needs the templates.
            var configured = config[$"{NotificationOptions.Section}:{nameof(NotificationOptions.TemplatesPath)}"];
            var folder = !string.IsNullOrWhiteSpace(configured)
                ? Path.GetFullPath(Path.Combine(env.ContentRootPath, configured))
                : Path.Combine(ContentSetup.ContentRoot(config, env.ContentRootPath), "notifications");
            return new NotificationTemplates(folder);
        });
        // Broken templates stop the start (file:line), but only when mail is on: a bare `dotnet run` needs none.
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationTemplatesValidator>();
        services.AddSingleton<SmtpMailSender>();
        services.AddScoped<EnqueueNotification>();
        services.AddScoped<OutboxQueries>();
        services.AddScoped<NotificationPreferenceStore>();
        services.AddScoped<IAttemptResultHandler, ResultFinalNotifier>();
        services.AddSingleton<NotificationScanner>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationScanner>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
