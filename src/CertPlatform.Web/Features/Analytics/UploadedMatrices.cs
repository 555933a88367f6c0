using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Analysed uploads kept in memory for an hour under an unguessable token, bound to the examiner who
/// uploaded them, so the result page can offer its exports without storing anyone's data.
/// </summary>
public sealed class UploadedMatrices(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public string Keep(string userId, StatisticsReport report)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        cache.Set(Key(token), (userId, report), Lifetime);
        return token;
    }

    public StatisticsReport? Find(string userId, string token) =>
        cache.TryGetValue(Key(token), out (string User, StatisticsReport Report) kept) && kept.User == userId ? kept.Report : null;

    private static string Key(string token) => "analytics-upload:" + token;
}
