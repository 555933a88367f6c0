using CertPlatform.Web.Domain.Questions.Lint;
using YamlDotNet.RepresentationModel;

namespace CertPlatform.Web.Content;

/// <summary>
/// <c>content/sources/normalisations.yaml</c>: the documented differences between the committed seed
/// texts and the lessons (read by <c>-- fidelity</c> and, for fill-in variants, by <c>-- lint</c>).
/// </summary>
public static class SourceNormalisations
{
    public const string FileName = "sources/normalisations.yaml";

    public static IReadOnlyList<Normalisation> Load(string contentRoot, List<ContentError> problems)
    {
        var path = Path.Combine(contentRoot, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), problems) : [];
    }

    public static IReadOnlyList<Normalisation> Parse(string text, List<ContentError> problems)
    {
        var result = new List<Normalisation>();
        var root = YamlNodes.Parse(text.Replace("\r\n", "\n"), 0, out var error, FileName);
        if (error is not null) { problems.Add(error); return result; }
        if (root is not YamlMappingNode map || map.Get("normalisations") is not YamlSequenceNode list)
        {
            problems.Add(new(FileName, 1, "must be a mapping with a 'normalisations' list of {seed, lesson, kind, note}"));
            return result;
        }
        foreach (var node in list.Children)
        {
            var line = YamlNodes.LineOf(node, 0);
            if (node is not YamlMappingNode m || m.Scalar("seed") is not { } seed || m.Scalar("lesson") is not { } lesson)
            {
                problems.Add(new(FileName, line, "each normalisation needs 'seed' (the seed's text) and 'lesson' (the lessons' text)"));
                continue;
            }
            var kindText = m.Scalar("kind") ?? "";
            if (!Enum.TryParse<NormalisationKind>(kindText, ignoreCase: true, out var kind))
            {
                problems.Add(new(FileName, line, $"'{seed}' → '{lesson}': kind must be 'ocr' or 'wording'"));
                continue;
            }
            if (m.Scalar("note") is not { } note)
            {
                problems.Add(new(FileName, line, $"'{seed}' → '{lesson}': missing 'note' (why the lessons differ from the seed here)"));
                continue;
            }
            result.Add(new(seed, lesson, kind, note, line));
        }
        return result;
    }

    /// <summary>The wording changes as the lint's fill-in variant pairs (textbook wording, lesson wording).</summary>
    public static IReadOnlyList<WordingPair> WordingPairs(IEnumerable<Normalisation> list) =>
        list.Where(n => n.Kind == NormalisationKind.Wording).Select(n => new WordingPair(n.Seed, n.Lesson)).ToList();
}
