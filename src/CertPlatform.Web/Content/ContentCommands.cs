using CertPlatform.Web.Infrastructure;

namespace CertPlatform.Web.Content;

/// <summary>Command-line entry points: <c>lint</c>, <c>content-report</c> and <c>fidelity</c> (no database, no web host).</summary>
public static class ContentCommands
{
    public static int Lint(string contentRoot, TextWriter stdout, TextWriter stderr)
    {
        var result = new ContentLoader().Load(contentRoot);
        var problems = result.Problems.ToList();
        var normalisations = SourceNormalisations.Load(contentRoot, problems);
        if (result.Ok) problems.AddRange(ContentItemLint.Run(result, normalisations)); // item-writing rules need a loaded bank
        foreach (var p in problems) (p.IsWarning ? stdout : stderr).WriteLine(p);
        var errors = problems.Count(p => !p.IsWarning);
        var ok = result.Curriculum is not null && errors == 0;
        stdout.WriteLine(ok
            ? $"content OK: {result.Lessons.Count} lessons, {result.Questions.Count} questions, {result.Warnings.Count()} warnings ({contentRoot})"
            : $"content has {errors} error(s) ({contentRoot})");
        return ok ? 0 : 1;
    }

    public static int Report(string contentRoot, TextWriter stdout, TextWriter stderr)
    {
        var result = new ContentLoader().Load(contentRoot);
        foreach (var p in result.Errors) stderr.WriteLine(p);
        if (result.Curriculum is null) return 1;
        var report = ContentReport.Build(result.Curriculum, result.Lessons, result.Questions, Features.Papers.PaperSeeder.CertificationBlueprint);
        stdout.Write(report.ToText());
        return result.Ok && !report.MissingTopics.Any() && !report.TopicsBelowQuestionMinimum.Any() && report.CertificationFeasible != false ? 0 : 1;
    }

    public static int Fidelity(string contentRoot, TextWriter stdout, TextWriter stderr)
    {
        var result = new ContentLoader().Load(contentRoot);
        var problems = result.Errors.ToList();
        var normalisations = SourceNormalisations.Load(contentRoot, problems);
        var pending = FidelityPending.Load(contentRoot, problems);
        foreach (var p in problems) stderr.WriteLine(p);
        if (!result.Ok) return 1;
        var outcome = FidelityPending.Split(ContentFidelity.Run(contentRoot, result, normalisations), pending);
        foreach (var f in outcome.Failures) stderr.WriteLine(f);
        foreach (var group in outcome.Pending.GroupBy(f => f.File))
            stdout.WriteLine($"{group.Key}:0: warning: pending reconciliation ({FidelityPending.FileName}): {group.Count(f => f.Kind == "changed")} changed, {group.Count(f => f.Kind == "unmarked")} unmarked sentences");
        var compared = result.Lessons.Values.Count(l => l.Provenance is ProvenanceKind.Textbook or ProvenanceKind.TextbookAndAuthored);
        var ok = outcome.Failures.Count == 0 && problems.Count == 0;
        stdout.WriteLine(ok
            ? $"fidelity OK: {compared - pending.Count} of {compared} textbook lessons match {ContentFidelity.TextbookSeed} with {normalisations.Count} documented normalisations; {pending.Count} pending reconciliation"
            : $"fidelity: {outcome.Failures.Count + problems.Count} problem(s) ({contentRoot})");
        return ok ? 0 : 1;
    }

    /// <summary>Runs a content command if <paramref name="args"/> name one; returns null otherwise.</summary>
    public static int? TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("lint" or "content-report" or "fidelity")) return null;
        string? path = null;
        for (var i = 1; i < args.Length; i++)
            if (args[i] == "--content" && i + 1 < args.Length) path = args[++i];
        var root = ContentSetup.ResolveContentRoot(path, Directory.GetCurrentDirectory());
        return args[0] switch
        {
            "lint" => Lint(root, Console.Out, Console.Error),
            "fidelity" => Fidelity(root, Console.Out, Console.Error),
            _ => Report(root, Console.Out, Console.Error),
        };
    }
}
