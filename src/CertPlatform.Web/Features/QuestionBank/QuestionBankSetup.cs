namespace CertPlatform.Web.Features.QuestionBank;

public static class QuestionBankSetup
{
    public static IServiceCollection AddQuestionBank(this IServiceCollection services)
    {
        const string images = QuestionImageOptions.Section;
        services.AddOptions<QuestionImageOptions>().BindConfiguration(images)
            .Validate(o => o.MaxImageBytes > 0, $"{images}:{nameof(QuestionImageOptions.MaxImageBytes)} must be a positive number of bytes")
            .Validate(o => o.MaxImportBytes >= o.MaxImageBytes,
                $"{images}:{nameof(QuestionImageOptions.MaxImportBytes)} must be at least {images}:{nameof(QuestionImageOptions.MaxImageBytes)}")
            .ValidateOnStart();
        services.AddOptions<QuestionImportOptions>().BindConfiguration(QuestionImportOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<QuestionImportOptions>, QuestionImportOptionsValidator>();
        services.AddSingleton<QuestionImportJobs>();
        services.AddMemoryCache();
        return services.AddSingleton<QuestionVersionCache>().AddScoped<QuestionVersioning>().AddScoped<QuestionBankSeeder>().AddScoped<BankQueries>().AddScoped<BankLint>().AddScoped<BulkUpdateQuestions>()
            .AddScoped<SaveQuestion>().AddScoped<QuestionImages>().AddScoped<QuestionImport>().AddScoped<QuestionExport>().AddScoped<FluentValidation.IValidator<QuestionForm>, QuestionFormValidator>();
    }
}
