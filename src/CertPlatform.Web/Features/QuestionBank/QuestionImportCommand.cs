using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// <c>dotnet run --project src/CertPlatform.Web -- import FILE [--format F] [--lesson L] [--on-existing update|skip|new]
/// [--choice ID_OR_TITLE=update|skip|new]… [--choices FILE.json] [--dry-run] [--json] [--lang zh-CN|en]</c>:
/// the same preview and one-transaction commit as the import page, for administrators and scripts. Exit code 0 when
/// the file had no errors, 1 when it had (nothing is changed then), 2 for a usage error.
/// With <c>--json</c> stdout is <c>{"created":[…],"updated":[…],"skipped":[…],"errors":[…]}</c>: created and updated
/// entries carry id, type, title, lesson, line, options and key (and the choice for a question the bank holds); skipped
/// and error entries line, file and message (a skipped question the bank holds also its id and choice), so the report of
/// a dry run, its choices edited, can be passed back with <c>--choices</c>.
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
        var rowChoices = new ImportChoiceArguments();
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
                    if (ImportChoiceArguments.ParseValue(Next()) is not { } all) return Usage(stderr, $"unknown {a} (use update, skip or new)");
                    existing = all;
                    break;
                case "--choice":
                    if (rowChoices.Add(Next()) is { } badChoice) return Usage(stderr, badChoice);
                    break;
                case "--choices":
                    if (rowChoices.AddFile(Next()) is { } badFile) return Usage(stderr, badFile);
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

        // Each question's own choice (--choice / --choices), else the import-wide one, as on the import page.
        var (chosen, choiceProblems) = rowChoices.Resolve(preview.Rows, preview.FileName);
        var decided = preview.Rows.Select(r => (Row: r, Choice: QuestionImport.Decide(r.Kind,
            chosen.TryGetValue(r.Question.Id, out var c) ? Enum.Parse<ExistingQuestions>(c!) : null, existing))).ToList();
        var errors = preview.Errors.Concat(choiceProblems).Select(Issue).ToList();
        var skipped = preview.Skipped.Select(Issue).ToList();
        var newIds = new Queue<string>();
        if (!dryRun && errors.Count == 0 && preview.ImportId is { } id && decided.Any(d => d.Choice != ExistingQuestions.Skip))
        {
            var commit = await import.CommitAsync(id, existing, chosen, actor, ct);
            if (commit is null) errors.Add(new IssueJson(0, preview.FileName, L["导入预览已失效（超过 1 小时或已提交），请重新上传文件。"].Value));
            else if (commit.InvalidChoice is { } invalid) errors.Add(new IssueJson(0, preview.FileName, invalid.Localize(L)));
            else if (commit.Problems.Count > 0) errors.AddRange(commit.Problems.Select(p => new IssueJson(0, preview.FileName, p.Localize(L))));
            else foreach (var created in commit.Created) newIds.Enqueue(created);
        }
        var committed = !dryRun && errors.Count == 0;
        List<EntryJson> createdEntries = [], updatedEntries = [];
        foreach (var (row, choice) in decided)
        {
            var spelled = row.Kind == ImportRowKind.New ? null : ImportChoiceArguments.Spell(choice);
            switch (choice)
            {
                case ExistingQuestions.Update: updatedEntries.Add(Entry(row, row.Question.Id, spelled, L)); break;
                // The copy's id is given at commit (the id suffixed -2, -3…); a dry run names the file's.
                case ExistingQuestions.ImportAsNew:
                    createdEntries.Add(Entry(row, committed && newIds.Count > 0 ? newIds.Dequeue() : row.Question.Id, spelled, L));
                    break;
                default:
                    skipped.Add(new IssueJson(row.Line, preview.FileName, row.Kind == ImportRowKind.Unchanged
                        ? L["{0}：与题库中的 v{1} 相同，不改动", row.Question.Id, row.CurrentVersion ?? 0].Value
                        : L["{0}：题库中已有内容不同的同编号试题，按选择 skip 保留题库中的版本", row.Question.Id].Value) { Id = row.Question.Id, Choice = spelled });
                    break;
            }
        }
        var report = new ReportJson(createdEntries, updatedEntries, skipped, errors);
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
        stderr.WriteLine("usage: import FILE [--format gift|moodlexml|aiken|qti|csv|xlsx] [--lesson LESSON-ID] [--on-existing update|skip|new] [--choice ID_OR_TITLE=update|skip|new]... [--choices FILE.json] [--dry-run] [--json] [--lang zh-CN|en]");
        return 2;
    }

    private sealed record ReportJson(IReadOnlyList<EntryJson> Created, IReadOnlyList<EntryJson> Updated, IReadOnlyList<IssueJson> Skipped, IReadOnlyList<IssueJson> Errors);

    /// <summary><see cref="Choice"/>: what is done with a question the bank holds (update, skip or new); absent for a new one.</summary>
    private sealed record EntryJson(string Id, string Type, string? Title, string Lesson, int Line, IReadOnlyList<string> Options, object? Key, IReadOnlyList<string> Notes,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Choice);

    /// <summary>A skipped question the bank holds also carries its <see cref="Id"/> and <see cref="Choice"/> (for <c>--choices</c>).</summary>
    private sealed record IssueJson(int Line, string File, string Message)
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Id { get; init; }
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Choice { get; init; }
    }


    private static EntryJson Entry(ImportRow r, string id, string? choice, IStringLocalizer L)
    {
        var q = r.Question;
        return new EntryJson(id, JsonNamingPolicy.CamelCase.ConvertName(q.Type.ToString()), q.Title ?? q.Id, q.LessonId, r.Line, Options(q), Key(q),
            r.Notes.Select(n => n.Text.Localize(L)).ToList(), choice);
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
