using CertPlatform.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Infrastructure.Health;

/// <summary>Ready only when the certificate signing key is loaded (or unsigned PDFs were allowed on purpose) and still valid.</summary>
public sealed class SigningKeyHealthCheck(CertificateSigning signing, IOptions<CertificatePdfOptions> options, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        HealthCheckResult result;
        try
        {
            var certificate = signing.Signer?.Certificate;
            result = certificate is null
                ? options.Value.AllowUnsigned
                    ? HealthCheckResult.Degraded("certificates are issued unsigned (Certificates:AllowUnsigned)")
                    : HealthCheckResult.Unhealthy("no signing key")
                : certificate.NotAfter.ToUniversalTime() < clock.GetUtcNow().UtcDateTime
                    ? HealthCheckResult.Unhealthy($"the signing certificate expired on {certificate.NotAfter:u}")
                    : HealthCheckResult.Healthy("signing key loaded");
        }
        catch (Exception ex)
        {
            // Loading the key failed (wrong password, file gone since start-up).
            result = HealthCheckResult.Unhealthy("signing key could not be loaded", ex);
        }
        return Task.FromResult(result);
    }
}
