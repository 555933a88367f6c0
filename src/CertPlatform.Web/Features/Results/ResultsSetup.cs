namespace CertPlatform.Web.Features.Results;

public static class ResultsSetup
{
    /// <summary>Examiner results (overview, per paper, per attempt, export) and the shared <see cref="AttemptReport"/> (needs AddExams).</summary>
    public static IServiceCollection AddResults(this IServiceCollection services) =>
        services.AddScoped<AttemptReport>()
            .AddScoped<ResultsOverview>()
            .AddScoped<PaperResults>()
            .AddScoped<AttemptDetail>();
}
