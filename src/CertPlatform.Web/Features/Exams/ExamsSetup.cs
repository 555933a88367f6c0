using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Exams;

public static class ExamsSetup
{
    public static IServiceCollection AddExams(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ExamOptions>().Bind(config.GetSection(ExamOptions.Section))
            .Validate(o => o.GraceSeconds is >= 0 and <= 300, "Exams:GraceSeconds must be 0–300")
            .Validate(o => o.OverdueScanSeconds is >= 1 and <= 300, "Exams:OverdueScanSeconds must be 1–300")
            .Validate(o => o.ShutdownSeconds is >= 5 and <= 600, "Exams:ShutdownSeconds must be 5–600")
            .ValidateOnStart();
        // An orderly stop drains the requests in flight and then the autosave writer's queue within this time
        // (tests/…/Features/Exams/CrashTests: nothing acknowledged is lost on SIGTERM).
        services.AddOptions<HostOptions>().Configure<IOptions<ExamOptions>>((o, exams) => o.ShutdownTimeout = TimeSpan.FromSeconds(exams.Value.ShutdownSeconds));
        services.AddMemoryCache();
        services.AddSingleton<ExamDeadlines>();
        services.AddSingleton<AnswerWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AnswerWriter>());
        services.AddSingleton<OverdueAttempts>();
        services.AddHostedService(sp => sp.GetRequiredService<OverdueAttempts>());
        services.AddScoped<AttemptLoader>();
        services.AddScoped<StartAttempt>();
        services.AddSingleton<SaveAnswer>();
        services.AddSingleton<ApiAntiforgery>();
        services.AddScoped<AttemptGrader>();
        services.AddScoped<FinishWrites>();
        // Group commit of finishing attempts on SQLite; stops before the autosave writer and the overdue finisher (hosted
        // services stop in reverse order), whose finishes after that are written one by one.
        services.AddSingleton<FinishWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<FinishWriter>());
        services.AddScoped<FinishAttempt>();
        services.AddScoped<SubmitAttempt>();
        services.AddScoped<ExamPages>();
        services.AddScoped<AttemptResultEvents>();
        services.AddScoped<AttemptIntegrity>();
        services.AddOpenApi();
        return services;
    }
}
