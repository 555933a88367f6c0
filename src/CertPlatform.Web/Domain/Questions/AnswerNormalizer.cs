using System.Globalization;
using System.Text;

namespace CertPlatform.Web.Domain.Questions;

/// <summary>
/// Canonical form of a typed answer, so that what Chinese input methods vary on does not change
/// the result: full-width and half-width forms (NFKC: "ＡＢＣ１" = "abc1", "　" = " "), letter case,
/// whitespace anywhere (surrounding or inner), and punctuation, Chinese or English ("，。、：“”（）"
/// and ",.:\"()" are all ignored). Letters, digits, CJK characters and meaningful signs
/// (+ % ‰ # &amp; * / @) are kept, so "10%" ≠ "10" and "C++" ≠ "C".
/// </summary>
public static class AnswerNormalizer
{
    public static string Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input)) return "";
        var s = input.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var rune in s.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || IsPunctuation(rune)) continue;
            sb.Append(Rune.ToLowerInvariant(rune).ToString());
        }
        return sb.ToString();
    }

    public static bool Matches(string? given, IEnumerable<string> accepted)
    {
        var g = Normalize(given);
        return g.Length > 0 && accepted.Any(a => Normalize(a) == g);
    }

    private static bool IsPunctuation(Rune r) => Rune.GetUnicodeCategory(r) switch
    {
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation => true,
        UnicodeCategory.OtherPunctuation => !KeptSigns.Contains(r.Value),
        _ => false,
    };

    private static readonly HashSet<int> KeptSigns = ['%', '‰', '#', '&', '*', '/', '@', '\\'];
}
