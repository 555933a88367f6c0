using System.Globalization;

namespace CertPlatform.Web.Domain.Scores;

/// <summary>
/// The one place that turns a score into text for people: whole numbers without decimals ("97", not "97.0"),
/// otherwise at most two decimals with trailing zeros dropped ("97.5", "97.25"). Pages wrap the number in the
/// localised unit (L["{0} 分", ScoreFormat.Number(x)]); certificates, mails and exports use the same number.
/// </summary>
public static class ScoreFormat
{
    /// <summary>97 → "97"; 97.50 → "97.5"; 97.125 → "97.13" (rounded half away from zero).</summary>
    public static string Number(decimal score) =>
        Math.Round(score, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A score that may be missing (not graded yet): "—" then.</summary>
    public static string Number(decimal? score) => score is { } s ? Number(s) : "—";

    /// <summary>"85 / 100": a score out of the maximum.</summary>
    public static string OutOf(decimal score, decimal max) => Number(score) + " / " + Number(max);

    /// <summary>"85 / 100", or "—" while the score is missing.</summary>
    public static string OutOf(decimal? score, decimal max) => score is { } s ? OutOf(s, max) : "—";
}
