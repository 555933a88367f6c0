using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Certificates.Credentials;

/// <summary>Outside Development the credential signing key must be configured and readable; every message names the key to fix.</summary>
internal sealed class CredentialOptionsValidator(IHostEnvironment env) : IValidateOptions<CredentialOptions>
{
    public ValidateOptionsResult Validate(string? name, CredentialOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKeyPath) && env.IsDevelopment()) return ValidateOptionsResult.Success;
        try
        {
            _ = CredentialSigner.FromOptions(options, env);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e) { return ValidateOptionsResult.Fail(e.Message); }
    }
}
