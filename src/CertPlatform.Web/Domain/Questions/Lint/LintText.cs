using System.Globalization;

namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary>Text measures the lint rules share.</summary>
public static class LintText
{
    /// <summary>Length in characters as a reader sees it: letters, digits and CJK characters (no spaces or punctuation).</summary>
    public static int Length(string text) => AnswerNormalizer.Normalize(text.Replace("**", "")).Length;

    /// <summary>Similarity (0–100) of two texts by shared character pairs (Dice coefficient over bigrams).</summary>
    public static int Similarity(string a, string b)
    {
        var x = Bigrams(AnswerNormalizer.Normalize(a));
        var y = Bigrams(AnswerNormalizer.Normalize(b));
        if (x.Count == 0 || y.Count == 0) return 0;
        var shared = 0;
        var pool = new Dictionary<string, int>(y);
        foreach (var (bigram, n) in x)
            if (pool.TryGetValue(bigram, out var m)) shared += Math.Min(n, m);
        return (int)Math.Round(200.0 * shared / (x.Values.Sum() + y.Values.Sum()), MidpointRounding.AwayFromZero);
    }

    private static Dictionary<string, int> Bigrams(string s)
    {
        var runes = s.EnumerateRunes().Select(r => r.ToString()).ToList();
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < runes.Count; i++)
        {
            var key = runes[i] + runes[i + 1];
            result[key] = result.GetValueOrDefault(key) + 1;
        }
        return result;
    }

    public static int Percent(int part, int whole) =>
        whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);

    public static string Invariant(this int n) => n.ToString(CultureInfo.InvariantCulture);
}
