using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// <c>dotnet run --project src/CertPlatform.Web -- import FILE [--format F] [--lesson L] [--on-existing update|skip|new] [--dry-run] [--json] [--lang zh-CN|en]</c>:
/// the same preview and one-transaction commit as the import page, for administrators and scripts. Exit code 0 when
/// the file had no errors, 1 when it had (nothing is changed then), 2 for a usage error.
/// With <c>--json</c> stdout is <c>{"created":[…],"updated":[…],"skipped":[…],"errors":[…]}</c>: created and updated
/// entries carry id, type, title, lesson, line, options and key; skipped and error entries line, file and message.
/// </summary>
public static class QuestionImportCommand
{
    public const string Name = "import";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        string? file = null, lesson = null;
        BankFormat? format = null;
        var existing = ExistingQuestions.Update;
        bool dryRun = false, json = false;
        var lang = new CultureInfo("zh-CN");
        for (var i = 1; i < args.Length; i++)
        {
            var a = args[i];
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (a)
            {
                case "--dry-run": dryRun = true; break;
                case "--json": json = true; break;
                case "--lesson": lesson = Next(); break;
                case "--lang":
                    var name = Next();
                    if (name is not ("zh-CN" or "en")) return Usage(stderr, "unknown --lang (use zh-CN or en)");
                    lang = new CultureInfo(name);
                    break;
                case "--format":
                    if (!Enum.TryParse<BankFormat>(Next(), ignoreCase: true, out var f)) return Usage(stderr, "unknown --format (use gift, moodlexml, aiken, qti, csv or xlsx)");
                    format = f;
                    break;
                case "--existing" or "--on-existing":
                    existing = Next()?.ToLowerInvariant() switch
                    {
                        "update" => ExistingQuestions.Update, "skip" => ExistingQuestions.Skip, "new" => ExistingQuestions.ImportAsNew,
                        _ => (ExistingQuestions)(-1),
                    };
                    if (!Enum.IsDefined(existing)) return Usage(stderr, $"unknown {a} (use update, skip or new)");
                    break;
                default:
                    if (a.StartsWith("--", StringComparison.Ordinal) || file is not null) return Usage(stderr, $"unexpected argument '{a}'");
                    file = a;
                    break;
            }
        }
        if (file is null) return Usage(stderr, "no file given");
        if (!File.Exists(file)) return Usage(stderr, $"{file}: no such file");
        format ??= QuestionImport.Detect(file);
        if (format is null) return Usage(stderr, $"{file}: cannot tell the format from the extension; add --format");

        await DatabaseInitializer.InitialiseAsync(services, withDemoAccounts: false, ct);
        using var scope = services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<QuestionImport>();
        // Messages in the language asked for (--lang zh-CN, the default, or en), like the import page's.
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = lang;
        var L = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        IssueJson Issue(ImportIssue i) => new(i.Line, i.File, i.Text.Localize(L));
        var actor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "cli"), new Claim(ClaimTypes.Name, "cli")], "cli"));
        ImportSummary preview;
        await using (var stream = File.OpenRead(file))
            preview = await import.PreviewAsync(stream, Path.GetFileName(file), format.Value, lesson, actor, ct, store: !dryRun);

        var created = preview.Rows.Where(r => r.Kind == ImportRowKind.New).ToList();
        var updated = preview.Rows.Where(r => r.Kind == ImportRowKind.Changed).ToList();
        var skipped = preview.Skipped.Select(Issue).ToList();
        skipped.AddRange(preview.Rows.Where(r => r.Kind == ImportRowKind.Unchanged)
            .Select(r => new IssueJson(r.Line, preview.FileName, L["{0}：与题库中的 v{1} 相同，不改动", r.Question.Id, r.CurrentVersion ?? 0].Value)));
        var errors = preview.Errors.Select(Issue).ToList();
        if (!dryRun && preview.ImportId is { } id && (created.Count > 0 || updated.Count > 0))
        {
            var commit = await import.CommitAsync(id, existing, new Dictionary<string, string?>(), actor, ct);
            if (commit is null || commit.Problems.Count > 0)
                errors.AddRange((commit?.Problems ?? []).Select(p => new IssueJson(0, preview.FileName, p.ToString())));
            else if (existing == ExistingQuestions.Skip)
            {
                skipped.AddRange(updated.Select(r => new IssueJson(r.Line, preview.FileName, L["{0}：题库中已有内容不同的同编号试题，按 --existing skip 保留题库中的版本", r.Question.Id].Value)));
                updated = [];
            }
            else if (existing == ExistingQuestions.ImportAsNew)
            {
                var newIds = commit.Created.Skip(created.Count).ToList();
                created.AddRange(updated.Select((r, i) => r with { Question = r.Question with { Id = newIds[i] } }));
                updated = [];
            }
        }
        var report = new ReportJson(created.Select(r => Entry(r, L)).ToList(), updated.Select(r => Entry(r, L)).ToList(), skipped, errors);
        if (json) stdout.WriteLine(JsonSerializer.Serialize(report, Json));
        else
        {
            foreach (var e in errors) stderr.WriteLine($"{e.File}:{e.Line}: error: {e.Message}");
            foreach (var s in skipped) stdout.WriteLine($"{s.File}:{s.Line}: skipped: {s.Message}");
            stdout.WriteLine($"{(dryRun ? "dry run: " : "")}{report.Created.Count} created, {report.Updated.Count} updated, {skipped.Count} skipped, {errors.Count} errors"
                + (preview.Encoding is { } enc ? $" (read as {enc})" : ""));
        }
        return errors.Count > 0 ? 1 : 0;
    }

    private static int Usage(TextWriter stderr, string problem)
    {
        stderr.WriteLine($"import: {problem}");
        stderr.WriteLine("usage: import FILE [--format gift|moodlexml|aiken|qti|csv|xlsx] [--lesson LESSON-ID] [--on-existing update|skip|new] [--dry-run] [--json] [--lang zh-CN|en]");
        return 2;
    }

    private sealed record ReportJson(IReadOnlyList<EntryJson> Created, IReadOnlyList<EntryJson> Updated, IReadOnlyList<IssueJson> Skipped, IReadOnlyList<IssueJson> Errors);

    private sealed record EntryJson(string Id, string Type, string? Title, string Lesson, int Line, IReadOnlyList<string> Options, object? Key, IReadOnlyList<string> Notes);

    private sealed record IssueJson(int Line, string File, string Message);


    private static EntryJson Entry(ImportRow r, IStringLocalizer L)
    {
        var q = r.Question;
        return new EntryJson(q.Id, JsonNamingPolicy.CamelCase.ConvertName(q.Type.ToString()), q.Title ?? q.Id, q.LessonId, r.Line, Options(q), Key(q),
            r.Notes.Select(n => n.Text.Localize(L)).ToList());
    }

    private static IReadOnlyList<string> Options(Question q) => q.Type switch
    {
        QuestionType.Single or QuestionType.Multiple => q.Options.Select((o, i) => $"{(char)('A' + i)}. {o.Text}").ToList(),
        QuestionType.TrueFalse => ["true", "false"],
        QuestionType.Matching => q.Pairs.Select(p => p.Left).Concat(q.Pairs.Select(p => p.Right)).ToList(),
        QuestionType.Ordering => q.Items.Order(StringComparer.Ordinal).ToList(),
        _ => [],
    };

    private static object? Key(Question q) => q.Type switch
    {
        QuestionType.Single or QuestionType.Multiple => string.Concat(q.Options.Select((o, i) => o.Correct ? ((char)('A' + i)).ToString() : "")),
        QuestionType.TrueFalse => q.TrueFalseAnswer,
        QuestionType.Fill => q.Blanks,
        QuestionType.Matching => q.Pairs.Select(p => $"{p.Left} -> {p.Right}").ToList(),
        QuestionType.Ordering => q.Items,
        QuestionType.Essay => q.Rubric,
        _ => q.Parts.Select(p => p.Id).ToList(),
    };
}
