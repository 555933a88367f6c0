using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Notifications;

/// <summary>With mail on, broken or missing templates (file:line) stop the start (Display:TimeZone is checked by its own options).</summary>
public sealed class NotificationTemplatesValidator(IServiceProvider services) : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions o)
    {
        if (!o.IsEnabled) return ValidateOptionsResult.Success;
        var problems = new List<string>();
        var templates = services.GetRequiredService<NotificationTemplates>();
        problems.AddRange(templates.Errors.Select(e => $"Notifications:TemplatesPath ({templates.Folder}): {e}"));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
