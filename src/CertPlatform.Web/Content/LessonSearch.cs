using System.Globalization;
using System.Net;
using System.Text;

namespace CertPlatform.Web.Content;

/// <summary>
/// Full-text search over lesson text that works for Chinese. Chinese has no word spaces and most
/// words are two characters, which FTS5's trigram tokenizer cannot find; the lesson set is small
/// (well under 1 MB of text), so a normalised substring scan over every section is both exact and
/// fast (bench/lesson-read.sh, results in bench/RESULTS.md). Whitespace in the query separates terms that must all occur.
/// </summary>
public sealed class LessonSearch
{
    private readonly List<Entry> _entries;

    private sealed record Entry(Lesson Lesson, string Anchor, string Heading, string Text, string Normalised, string NormalisedTitle);

    public LessonSearch(IEnumerable<Lesson> lessons)
    {
        _entries = lessons.SelectMany(l => l.TextBySection.Select(s =>
        {
            var full = s.Heading.Length > 0 ? s.Heading + " " + s.Text : s.Text;
            return new Entry(l, s.Anchor, s.Heading, full, Normalise(full), Normalise(l.Title));
        })).ToList();
    }

    /// <summary>Folds what Chinese input varies on: full-width forms (NFKC), letter case, spacing.</summary>
    public static string Normalise(string s)
    {
        var n = s.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var sb = new StringBuilder(n.Length);
        foreach (var ch in n) sb.Append(char.IsWhiteSpace(ch) ? ' ' : ch);
        return sb.ToString();
    }

    public static IReadOnlyList<string> Terms(string query) =>
        Normalise(query).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct().Take(8).ToList();

    /// <summary>Best sections first, at most one hit per lesson section, at most <paramref name="limit"/> hits.</summary>
    public IReadOnlyList<SearchHit> Find(string query, int limit = 50)
    {
        var terms = Terms(query);
        if (terms.Count == 0) return [];
        var hits = new List<SearchHit>();
        foreach (var e in _entries)
        {
            var score = 0;
            var firstPos = int.MaxValue;
            var firstLen = 0;
            foreach (var term in terms)
            {
                var count = 0;
                var pos = e.Normalised.IndexOf(term, StringComparison.Ordinal);
                if (pos < 0) { score = -1; break; }
                if (pos < firstPos) { firstPos = pos; firstLen = term.Length; }
                while (pos >= 0 && count < 50) { count++; pos = e.Normalised.IndexOf(term, pos + term.Length, StringComparison.Ordinal); }
                score += count;
                if (e.NormalisedTitle.Contains(term, StringComparison.Ordinal)) score += 20;
                if (Normalise(e.Heading).Contains(term, StringComparison.Ordinal)) score += 10;
            }
            if (score < 0) continue;
            hits.Add(new SearchHit(e.Lesson, e.Anchor, e.Heading, Snippet(e.Text, e.Normalised, terms, firstPos, firstLen), score));
        }
        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Lesson.Id, StringComparer.Ordinal).Take(limit).ToList();
    }

    /// <summary>About 120 characters around the first match, HTML-encoded, matches wrapped in &lt;mark&gt;.</summary>
    private static string Snippet(string text, string normalised, IReadOnlyList<string> terms, int pos, int len)
    {
        // NFKC can change length (e.g. ligatures); fall back to the normalised text if lengths differ.
        var source = text.Length == normalised.Length ? text : normalised;
        var start = Math.Max(0, pos - 50);
        var end = Math.Min(source.Length, pos + len + 70);
        var window = source[start..end];
        var windowNorm = normalised[start..end];
        var marks = new bool[window.Length];
        foreach (var term in terms)
            for (var p = windowNorm.IndexOf(term, StringComparison.Ordinal); p >= 0; p = windowNorm.IndexOf(term, p + term.Length, StringComparison.Ordinal))
                for (var k = p; k < p + term.Length && k < marks.Length; k++) marks[k] = true;
        var sb = new StringBuilder();
        if (start > 0) sb.Append('…');
        for (var i = 0; i < window.Length;)
        {
            var j = i;
            while (j < window.Length && marks[j] == marks[i]) j++;
            var piece = WebUtility.HtmlEncode(window[i..j]);
            sb.Append(marks[i] ? $"<mark>{piece}</mark>" : piece);
            i = j;
        }
        if (end < source.Length) sb.Append('…');
        return sb.ToString();
    }
}
