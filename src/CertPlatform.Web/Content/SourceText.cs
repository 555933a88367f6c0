using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CertPlatform.Web.Content;

/// <summary>
/// The comparable form of seed and lesson text: documented normalisations applied (seed wording →
/// lesson wording, on both sides so a pair is an equivalence), then only letters and digits kept
/// (punctuation, spaces, Markdown and full/half width do not count as wording).
/// </summary>
public static partial class SourceText
{
    public static string Canonical(string text, IReadOnlyList<Normalisation> normalisations)
    {
        var s = text.Normalize(NormalizationForm.FormKC);
        foreach (var n in normalisations.OrderByDescending(n => n.Seed.Length))
            s = s.Replace(n.Seed, n.Lesson, StringComparison.Ordinal);
        var sb = new StringBuilder(s.Length);
        foreach (var rune in s.EnumerateRunes())
            if (Rune.IsLetterOrDigit(rune)) sb.Append(Rune.ToLowerInvariant(rune).ToString());
        return sb.ToString();
    }

    /// <summary>The seed file with its list glyphs ("u " at line start) and line numbering ("1、") taken out.</summary>
    public static string CleanSeed(string seed) =>
        string.Join("\n", seed.Replace("\r\n", "\n").Split('\n').Select(l => SeedListMark().Replace(l, "")));

    /// <summary>A lesson line without Markdown: list markers, bold, links (kept as their text), anchors.</summary>
    public static string PlainLine(string line)
    {
        var s = LessonListMark().Replace(line, "");
        s = Link().Replace(s, "$1");
        s = s.Replace("**", "", StringComparison.Ordinal);
        return s;
    }

    /// <summary>Sentences of a plain line (split after 。；！？ and their ASCII forms).</summary>
    public static IEnumerable<string> Sentences(string plain) =>
        SentenceEnd().Split(plain).Select(x => x.Trim()).Where(x => x.Length > 0);

    public static int Length(string canonical) => new StringInfo(canonical).LengthInTextElements;

    [GeneratedRegex(@"^\s*(?:[uln•·▪]\s+|\d+[、.．]\s*|[（(]\d+[）)]\s*)")]
    private static partial Regex SeedListMark();

    [GeneratedRegex(@"^\s*(?:[-*+]\s+|\d+[.、)]\s+|[（(]\d+[）)]\s*)")]
    private static partial Regex LessonListMark();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<=[。；！？;!?])")]
    private static partial Regex SentenceEnd();
}
