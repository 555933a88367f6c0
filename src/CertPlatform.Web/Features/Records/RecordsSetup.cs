namespace CertPlatform.Web.Features.Records;

public static class RecordsSetup
{
    /// <summary>HR certificate records: search, exports, bulk ZIP, revocation, per-trainee history (needs AddCertificates).</summary>
    public static IServiceCollection AddRecords(this IServiceCollection services)
    {
        services.AddOptions<RecordsOptions>().BindConfiguration(RecordsOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<RecordsOptions>, RecordsOptionsValidator>();
        services.AddScoped<SearchRecords>();
        services.AddScoped<SearchHeldPasses>();
        services.AddScoped<ExportRecords>();
        services.AddScoped<CertificateZip>();
        services.AddScoped<ExportCertificateZip>();
        services.AddScoped<TraineeHistory>();
        services.AddSingleton<ZipExportJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<ZipExportJobs>());
        return services;
    }
}
