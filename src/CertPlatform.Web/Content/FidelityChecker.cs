using System.Text.RegularExpressions;

namespace CertPlatform.Web.Content;

/// <summary>
/// Compares a textbook lesson with the committed seed text sentence by sentence: every sentence outside a
/// supplement block must appear in the seed once the documented normalisations
/// (content/sources/normalisations.yaml) are applied; a sentence close to a seed passage is reported as a
/// wording change (with the seed's wording), anything else as unmarked team-written text. A wording
/// substitution a lesson relies on must be mentioned once in it ("同时性（教材作“同步性”）").
/// </summary>
public sealed partial class FidelityChecker
{
    /// <summary>Sentences shorter than this (letters and digits) are labels, not prose, and are not compared.</summary>
    public const int MinLength = 6;
    /// <summary>A sentence sharing at least this share (%) of its character pairs with one seed passage is a changed sentence.</summary>
    public const int ChangedSimilarity = 50;

    private readonly IReadOnlyList<Normalisation> _normalisations;
    private readonly string _seed;
    private readonly Dictionary<Normalisation, string> _seedWithout = [];
    private readonly Dictionary<string, List<int>> _bigrams = new(StringComparer.Ordinal);

    public FidelityChecker(string seedText, IReadOnlyList<Normalisation> normalisations)
    {
        _normalisations = normalisations;
        var clean = SourceText.CleanSeed(seedText);
        _seed = SourceText.Canonical(clean, normalisations);
        foreach (var w in normalisations.Where(n => n.Kind == NormalisationKind.Wording))
            _seedWithout[w] = SourceText.Canonical(clean, normalisations.Where(n => n != w).ToList());
        for (var i = 0; i + 1 < _seed.Length; i++)
        {
            var key = _seed.Substring(i, 2);
            if (!_bigrams.TryGetValue(key, out var list)) _bigrams[key] = list = [];
            list.Add(i);
        }
    }

    public bool Matches(string sentence) => _seed.Contains(SourceText.Canonical(sentence, _normalisations), StringComparison.Ordinal);

    /// <summary>Whether a sentence is textbook text: in the seed, or a changed form of a seed passage.</summary>
    public bool IsTextbookLike(string sentence)
    {
        var canonical = SourceText.Canonical(sentence, _normalisations);
        if (canonical.Length < 2) return false;
        return _seed.Contains(canonical, StringComparison.Ordinal) ||
               (canonical.Length >= MinLength && Nearest(canonical).Similarity >= ChangedSimilarity);
    }

    /// <summary>Checks one textbook lesson; <paramref name="units"/> from <see cref="LessonTextUnits.Parse"/>.</summary>
    public IEnumerable<FidelityFinding> CheckLesson(string file, string lessonText, IReadOnlyList<LessonTextUnit> units)
    {
        var usedWording = new HashSet<Normalisation>();
        foreach (var unit in units)
        {
            var canonical = SourceText.Canonical(unit.Text, _normalisations);
            if (canonical.Length < MinLength) continue;
            if (_seed.Contains(canonical, StringComparison.Ordinal))
            {
                foreach (var (w, seedWithout) in _seedWithout)
                {
                    var without = SourceText.Canonical(unit.Text, _normalisations.Where(n => n != w).ToList());
                    if (!seedWithout.Contains(without, StringComparison.Ordinal)) usedWording.Add(w);
                }
                continue;
            }
            if (unit.Supplement || IsAttribution(unit.Text)) continue;
            var (passage, similarity) = Nearest(canonical);
            yield return similarity >= ChangedSimilarity
                ? new(file, unit.Line, "changed", $"“{Short(unit.Text)}” differs from the textbook (seed: “{passage}”, {similarity}% alike): revert to the textbook's wording or list the change in {SourceNormalisations.FileName}")
                : new(file, unit.Line, "unmarked", $"“{Short(unit.Text)}” is not textbook text: put team-written text in a supplement block (“> 教学补充：…”) or revert it to the textbook");
        }
        foreach (var w in usedWording.OrderBy(w => w.Line))
            if (!Mentions(lessonText, w.Seed))
                yield return new(file, 1, "wording", $"the lesson uses “{w.Lesson}” for the textbook's “{w.Seed}” ({SourceNormalisations.FileName} line {w.Line}) but never says so: mention it once, e.g. “{w.Lesson}（教材作“{w.Seed}”）”");
    }

    /// <summary>"教材列出……：" introduces textbook text; it is a citation, not a changed sentence.</summary>
    public static bool IsAttribution(string sentence)
    {
        var t = sentence.Trim();
        return t.StartsWith("教材", StringComparison.Ordinal) && (t.EndsWith('：') || t.EndsWith(':'));
    }

    /// <summary>Whether the lesson says what the textbook calls it: 教材作“…X…” / 教材原文作“…X…”.</summary>
    public static bool Mentions(string lessonText, string seedWording) =>
        TextbookSays().Matches(lessonText).Any(m => m.Groups[1].Value.Contains(seedWording, StringComparison.Ordinal));

    /// <summary>The seed passage sharing most character pairs with the sentence (canonical form) and how alike they are (%).</summary>
    public (string Passage, int Similarity) Nearest(string canonical)
    {
        var votes = new Dictionary<int, int>();
        for (var i = 0; i + 1 < canonical.Length; i++)
            if (_bigrams.TryGetValue(canonical.Substring(i, 2), out var positions))
                foreach (var p in positions) votes[p - i] = votes.GetValueOrDefault(p - i) + 1;
        if (votes.Count == 0) return ("", 0);
        var best = votes.MaxBy(kv => kv.Value).Key;
        var from = Math.Clamp(best, 0, Math.Max(0, _seed.Length - 1));
        var passage = _seed.Substring(from, Math.Min(canonical.Length + 4, _seed.Length - from));
        return (passage, Domain.Questions.Lint.LintText.Similarity(canonical, passage));
    }

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";

    [GeneratedRegex("教材(?:原文)?作“([^”]*)”")]
    private static partial Regex TextbookSays();
}
