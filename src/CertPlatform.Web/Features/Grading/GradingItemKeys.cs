using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace CertPlatform.Web.Features.Grading;

/// <summary>
/// How a queue item is named without naming the candidate: URLs carry a Data Protection token (tamper-proof,
/// not the attempt id); pages show a short item number derived from the attempt's secret seed, stable for the
/// item but not computable from anything an examiner sees.
/// </summary>
public sealed class GradingItemKeys(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("CertPlatform.Grading.Item.v1");

    public string Token(string attemptId, int questionRef) =>
        protector.Protect(attemptId + ":" + questionRef.ToString(CultureInfo.InvariantCulture));

    public (string AttemptId, int Ref)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return null;
        try
        {
            var plain = protector.Unprotect(token);
            var colon = plain.LastIndexOf(':');
            return colon > 0 && int.TryParse(plain[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var r)
                ? (plain[..colon], r) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static string Number(string attemptId, int seed, int questionRef)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{attemptId}:{seed}:{questionRef}"));
        return Convert.ToHexString(hash, 0, 4);
    }
}
