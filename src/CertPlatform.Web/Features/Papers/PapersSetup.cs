namespace CertPlatform.Web.Features.Papers;

public static class PapersSetup
{
    public static IServiceCollection AddPapers(this IServiceCollection services) =>
        services.AddScoped<PaperSeeder>().AddScoped<PaperQueries>().AddScoped<PaperEditQueries>().AddScoped<SavePaper>().AddScoped<ApprovePaper>().AddScoped<PaperApprovals>().AddScoped<PaperPasswordGuard>().AddScoped<FluentValidation.IValidator<PaperForm>, PaperFormValidator>();
}
