using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Infrastructure.Pdf;

namespace CertPlatform.Web.Features.Certificates;

public static class CertificatesSetup
{
    public static IServiceCollection AddCertificates(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddCertificatePdf(config, env);
        services.AddOptions<CertificateOptions>().Bind(config.GetSection(CertificateOptions.Section))
            .Validate(o => o.ValidityYears is >= 1 and <= 20, "Certificates:ValidityYears must be 1–20")
            .Validate(o => o.RenewalWindowDays is >= 0 and <= 3650, "Certificates:RenewalWindowDays must be 0–3650")
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https",
                "Certificates:PublicBaseUrl must be an absolute http(s) URL (the address printed on certificates)")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Certificates:TimeZone is not a known time zone id")
            .ValidateOnStart();
        services.AddScoped<IssueCertificate>();
        services.AddScoped<IAttemptResultHandler>(sp => sp.GetRequiredService<IssueCertificate>());
        services.AddScoped<RevokeCertificate>();
        services.AddSingleton<IssueMissingCertificates>();
        services.AddHostedService(sp => sp.GetRequiredService<IssueMissingCertificates>());
        return services;
    }
}
