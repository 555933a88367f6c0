using YamlDotNet.RepresentationModel;

namespace CertPlatform.Web.Content;

/// <summary>
/// <c>content/sources/fidelity-pending.yaml</c>: textbook lessons whose sentence-by-sentence reconciliation
/// with the seed is still to be done. Their <c>changed</c> and <c>unmarked</c> findings are reported as
/// warnings (with counts) instead of failing <c>-- fidelity</c>; every other finding, and every finding in a
/// lesson not on the list, fails it. A listed lesson that has no such findings any more must be taken off
/// the list, so the list only shrinks.
/// </summary>
public static class FidelityPending
{
    public const string FileName = "sources/fidelity-pending.yaml";

    public static IReadOnlyList<string> Load(string contentRoot, List<ContentError> problems)
    {
        var path = Path.Combine(contentRoot, FileName);
        if (!File.Exists(path)) return [];
        var root = YamlNodes.Parse(File.ReadAllText(path).Replace("\r\n", "\n"), 0, out var error, FileName);
        if (error is not null) { problems.Add(error); return []; }
        if (root is not YamlMappingNode map || map.ScalarList("pending") is not { } list)
        {
            problems.Add(new(FileName, 1, "must be a mapping with a 'pending' list of lesson files (lessons/part1/x.md)"));
            return [];
        }
        return list;
    }

    public static FidelitySplit Split(IReadOnlyList<FidelityFinding> findings, IReadOnlyList<string> pending)
    {
        var listed = pending.ToHashSet(StringComparer.Ordinal);
        static bool Reconcilable(FidelityFinding f) => f.Kind is "changed" or "unmarked";
        var failures = findings.Where(f => !(listed.Contains(f.File) && Reconcilable(f))).ToList();
        var waiting = findings.Where(f => listed.Contains(f.File) && Reconcilable(f)).ToList();
        foreach (var done in pending.Where(p => !waiting.Any(f => f.File == p)))
            failures.Add(new(FileName, 1, "pending", $"{done} has no changed or unmarked text left: take it off the pending list"));
        return new(failures, waiting);
    }
}
