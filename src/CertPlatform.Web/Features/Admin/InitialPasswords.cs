using System.Security.Cryptography;

namespace CertPlatform.Web.Features.Admin;

/// <summary>Generates initial passwords that satisfy the password policy and are easy to read out.</summary>
public static class InitialPasswords
{
    private const string Letters = "abcdefghjkmnpqrstuvwxyz";
    private const string Digits = "23456789";

    public static string Generate()
    {
        // Three groups of four: 12 characters from 31 symbols ≈ 59 bits, always with letters and digits.
        const string all = Letters + Digits;
        Span<char> c = stackalloc char[12];
        do
        {
            for (var i = 0; i < c.Length; i++) c[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        } while (!c.ContainsAny(Digits) || !c.ContainsAny(Letters));
        return $"{c[..4]}-{c[4..8]}-{c[8..]}";
    }
}
