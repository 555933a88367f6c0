using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Infrastructure.Pdf;

public static class PdfSetup
{
    /// <summary>
    /// Registers the certificate PDF renderer. The template is read now, so a broken template stops start-up with
    /// file:line; the signing configuration is checked when the host starts (ValidateOnStart).
    /// </summary>
    public static IServiceCollection AddCertificatePdf(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        CertificateFonts.EnsureRegistered();

        services.AddOptions<CertificatePdfOptions>().Bind(config.GetSection(CertificatePdfOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CertificatePdfOptions>>(new CertificatePdfOptionsValidator(env));

        var path = TemplatePath(config, env);
        var template = CertificateTemplate.Load(path);
        services.AddSingleton(template);
        // Other templates (named by programmes) are checked at start-up by the certificates feature, once the database is there.
        services.AddSingleton(new CertificateTemplates(template, Path.GetDirectoryName(path)!));
        services.AddSingleton(sp => new CertificateSigning(
            CertificateSigner.FromOptions(sp.GetRequiredService<IOptions<CertificatePdfOptions>>().Value, env)));
        services.AddSingleton(sp => new CertificatePdfRenderer(
            sp.GetRequiredService<CertificateTemplates>(), sp.GetRequiredService<CertificateSigning>().Signer));
        services.AddSingleton<ICertificateRenderer>(sp => sp.GetRequiredService<CertificatePdfRenderer>());
        return services;
    }

    /// <summary>The configured template, or certificates/template.yaml inside the content folder the app already uses.</summary>
    public static string TemplatePath(IConfiguration config, IHostEnvironment env)
    {
        var configured = config[$"{CertificatePdfOptions.Section}:{nameof(CertificatePdfOptions.TemplatePath)}"];
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(Path.Combine(env.ContentRootPath, configured));
        var contentRoot = ContentSetup.ContentRoot(config, env.ContentRootPath);
        return Path.Combine(contentRoot, CertificateTemplate.DefaultRelativePath);
    }
}
