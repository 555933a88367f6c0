namespace CertPlatform.Web.Features.QuestionBank;

public static class QuestionBankSetup
{
    public static IServiceCollection AddQuestionBank(this IServiceCollection services)
    {
        services.AddOptions<QuestionImportOptions>().BindConfiguration(QuestionImportOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<QuestionImportOptions>, QuestionImportOptionsValidator>();
        services.AddSingleton<QuestionImportJobs>();
        return services.AddSingleton<QuestionVersionCache>().AddScoped<QuestionVersioning>().AddScoped<QuestionBankSeeder>().AddScoped<BankQueries>().AddScoped<BankLint>().AddScoped<BulkUpdateQuestions>()
            .AddScoped<SaveQuestion>().AddScoped<QuestionImages>().AddScoped<QuestionImport>().AddScoped<QuestionExport>().AddScoped<FluentValidation.IValidator<QuestionForm>, QuestionFormValidator>();
    }
}
