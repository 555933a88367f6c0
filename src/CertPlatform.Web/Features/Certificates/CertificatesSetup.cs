using CertPlatform.Web.Features.Certificates.Credentials;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Certificates;

public static class CertificatesSetup
{
    /// <summary>Certificates: issue on a final pass, the safety net, revocation, public verification (needs AddDisplayTime).</summary>
    public static IServiceCollection AddCertificates(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddCertificatePdf(config, env);
        services.AddOptions<CertificateOptions>().Bind(config.GetSection(CertificateOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CertificateOptions>, CertificateOptionsValidator>();
        services.AddOptions<CredentialOptions>().Bind(config.GetSection(CredentialOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CredentialOptions>>(new CredentialOptionsValidator(env));
        services.AddSingleton(sp => CredentialSigner.FromOptions(sp.GetRequiredService<IOptions<CredentialOptions>>().Value, env));
        services.AddSingleton<OpenBadgeCredentials>();
        services.AddScoped<StatusListCredential>();
        services.AddScoped<IssueCertificate>();
        services.AddScoped<IAttemptResultHandler>(sp => sp.GetRequiredService<IssueCertificate>());
        services.AddScoped<HeldCertificates>();
        services.AddScoped<CertificateQueries>();
        services.AddScoped<DownloadCertificate>();
        services.AddScoped<ProgrammeAchievement>();
        services.AddScoped<IssueHeldCertificates>();
        services.AddScoped<Account.IAccountVerifiedHandler>(sp => sp.GetRequiredService<IssueHeldCertificates>());
        services.AddScoped<RevokeCertificate>();
        services.AddScoped<VerifyCertificate>();
        services.AddHostedService<CertificateTemplateCheck>(); // after DatabaseInitializer (registered before AddCertificates)
        services.AddSingleton<IssueMissingCertificates>();
        services.AddHostedService(sp => sp.GetRequiredService<IssueMissingCertificates>());
        return services;
    }
}
