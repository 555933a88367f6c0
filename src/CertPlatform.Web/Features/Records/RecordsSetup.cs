namespace CertPlatform.Web.Features.Records;

/// <summary>Configuration section "Records".</summary>
public sealed class RecordsOptions
{
    public const string Section = "Records";
    /// <summary>A ZIP of at most this many certificates streams straight to the browser; larger ones are built in the background.</summary>
    public int DirectZipLimit { get; set; } = 500;
    /// <summary>Where background ZIPs are written until downloaded (relative to the content root, like the database).</summary>
    public string ExportFolder { get; set; } = "data/exports";
}

public static class RecordsSetup
{
    /// <summary>HR certificate records: search, exports, bulk ZIP, revocation, per-trainee history (needs AddCertificates).</summary>
    public static IServiceCollection AddRecords(this IServiceCollection services)
    {
        services.AddOptions<RecordsOptions>().BindConfiguration(RecordsOptions.Section)
            .Validate(o => o.DirectZipLimit >= 0, "Records:DirectZipLimit must be 0 or more")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ExportFolder), "Records:ExportFolder must not be empty")
            .ValidateOnStart();
        services.AddScoped<SearchRecords>();
        services.AddScoped<ExportRecords>();
        services.AddScoped<CertificateZip>();
        services.AddScoped<ExportCertificateZip>();
        services.AddScoped<TraineeHistory>();
        services.AddSingleton<ZipExportJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<ZipExportJobs>());
        return services;
    }
}
