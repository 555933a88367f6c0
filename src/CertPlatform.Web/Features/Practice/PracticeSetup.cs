using FluentValidation;

namespace CertPlatform.Web.Features.Practice;

public static class PracticeSetup
{
    public static IServiceCollection AddPractice(this IServiceCollection services) =>
        services.AddSingleton<PracticeTokens>()
            .AddScoped<PracticePool>()
            .AddScoped<MistakeNotebook>()
            .AddScoped<PracticeQueries>()
            .AddScoped<MistakeQueries>()
            .AddScoped<StartPractice>()
            .AddScoped<AnswerPractice>()
            .AddScoped<PracticeTokenLedger>()
            .AddScoped<IValidator<StartPracticeForm>, StartPracticeFormValidator>()
            .AddScoped<IValidator<PracticeAnswerForm>, PracticeAnswerFormValidator>();
}
