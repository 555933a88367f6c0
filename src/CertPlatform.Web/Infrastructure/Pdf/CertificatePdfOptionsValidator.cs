using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>
/// Refuses to start a non-Development host that would issue unsigned certificates by accident: the operator must
/// either configure a signing certificate or say explicitly that unsigned PDFs are acceptable.
/// </summary>
internal sealed class CertificatePdfOptionsValidator(IHostEnvironment env) : IValidateOptions<CertificatePdfOptions>
{
    private const string PathKey = $"{CertificatePdfOptions.Section}:{nameof(CertificatePdfOptions.SigningCertificatePath)}";
    private const string PasswordKey = $"{CertificatePdfOptions.Section}:{nameof(CertificatePdfOptions.SigningCertificatePassword)}";
    private const string AllowKey = $"{CertificatePdfOptions.Section}:{nameof(CertificatePdfOptions.AllowUnsigned)}";

    public ValidateOptionsResult Validate(string? name, CertificatePdfOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningCertificatePath))
        {
            var path = CertificateSigner.ResolvePath(options.SigningCertificatePath, env);
            if (!File.Exists(path))
                return ValidateOptionsResult.Fail($"{PathKey} is '{options.SigningCertificatePath}' but '{path}' does not exist.");
            // Opening it now turns a wrong password into a start-up failure instead of a failed certificate issue later.
            try { _ = CertificateSigner.LoadPkcs12(path, options.SigningCertificatePassword); }
            catch (InvalidOperationException ex) { return ValidateOptionsResult.Fail(ex.Message); }
            return ValidateOptionsResult.Success;
        }
        if (env.IsDevelopment() || options.AllowUnsigned) return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(
            $"Certificate PDFs must be signed outside Development: set {PathKey} to a PKCS#12 (.pfx) file and {PasswordKey} " +
            $"to its password, or set {AllowKey}=true to issue unsigned PDFs deliberately.");
    }
}
