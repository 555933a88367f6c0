using FluentValidation;

namespace CertPlatform.Web.Features.Grading;

public static class GradingSetup
{
    /// <summary>The blind grading queue, the grade page and regrading after a corrected question (needs AddExams).</summary>
    public static IServiceCollection AddGrading(this IServiceCollection services) =>
        services.AddSingleton<GradingItemKeys>()
            .AddScoped<GradingQueue>()
            .AddScoped<GradeItem>()
            .AddScoped<RegradeQuestion>()
            .AddScoped<IValidator<GradeForm>, GradeFormValidator>();
}
