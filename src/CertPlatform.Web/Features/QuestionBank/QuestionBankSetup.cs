namespace CertPlatform.Web.Features.QuestionBank;

public static class QuestionBankSetup
{
    public static IServiceCollection AddQuestionBank(this IServiceCollection services) =>
        services.AddSingleton<QuestionVersionCache>().AddScoped<QuestionVersioning>().AddScoped<QuestionBankSeeder>().AddScoped<BankQueries>().AddScoped<BankLint>().AddScoped<BulkUpdateQuestions>()
            .AddScoped<SaveQuestion>().AddScoped<QuestionImages>().AddScoped<QuestionImport>().AddScoped<QuestionExport>().AddScoped<FluentValidation.IValidator<QuestionForm>, QuestionFormValidator>();
}
