using System.Text.Json;
using CertPlatform.Web.Features.QuestionBank.Formats;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// The import command's per-question choices: <c>--choice ID_OR_TITLE=update|skip|new</c> (repeatable) and
/// <c>--choices FILE.json</c> — either an object <c>{"ID_OR_TITLE": "update", …}</c> or the report of
/// <c>--dry-run --json</c> with its entries' <c>choice</c> edited (every entry with an <c>id</c> and a <c>choice</c>
/// counts). A later argument overrides an earlier one for the same key; <c>--choice</c> overrides the file.
/// <see cref="Resolve"/> turns the keys into question ids of a preview (an id first, else the one title).
/// </summary>
public sealed class ImportChoiceArguments
{
    private static readonly ImportTexts L = ImportTexts.Instance;
    private readonly List<(string Key, ExistingQuestions Choice)> _choices = [];

    public bool IsEmpty => _choices.Count == 0;

    /// <summary>"update", "skip" or "new" (any case), as <c>--on-existing</c> spells them.</summary>
    public static ExistingQuestions? ParseValue(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "update" => ExistingQuestions.Update,
        "skip" => ExistingQuestions.Skip,
        "new" => ExistingQuestions.ImportAsNew,
        _ => null,
    };

    /// <summary>The spelling the command uses for a choice (the reverse of <see cref="ParseValue"/>).</summary>
    public static string Spell(ExistingQuestions choice) => choice switch
    {
        ExistingQuestions.Update => "update",
        ExistingQuestions.Skip => "skip",
        _ => "new",
    };

    /// <summary>Adds one <c>KEY=VALUE</c>; returns the usage problem, or null. The value follows the last '=' (a title may contain one).</summary>
    public string? Add(string? argument)
    {
        var cut = argument?.LastIndexOf('=') ?? -1;
        if (argument is null || cut <= 0) return "--choice needs ID_OR_TITLE=update|skip|new";
        if (ParseValue(argument[(cut + 1)..]) is not { } choice) return $"--choice {argument}: the choice must be update, skip or new";
        _choices.Add((argument[..cut], choice));
        return null;
    }

    /// <summary>Adds the choices of a JSON file; returns the usage problem (naming the file, and the line for bad JSON), or null.</summary>
    public string? AddFile(string? path)
    {
        if (path is null) return "--choices needs a FILE.json";
        if (!File.Exists(path)) return $"--choices {path}: no such file";
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return $"{path}: expected a JSON object";
            var report = doc.RootElement.EnumerateObject().Any(p => p.Name is "created" or "updated" or "skipped" or "errors");
            if (!report)
            {
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    if (p.Value.ValueKind != JsonValueKind.String || ParseValue(p.Value.GetString()) is not { } choice)
                        return $"{path}: \"{p.Name}\": the choice must be \"update\", \"skip\" or \"new\"";
                    _choices.Add((p.Name, choice));
                }
                return null;
            }
            foreach (var list in new[] { "created", "updated", "skipped" })
            {
                if (!doc.RootElement.TryGetProperty(list, out var entries) || entries.ValueKind != JsonValueKind.Array) continue;
                foreach (var entry in entries.EnumerateArray())
                {
                    if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("id", out var id) || !entry.TryGetProperty("choice", out var value)
                        || id.ValueKind != JsonValueKind.String || value.ValueKind == JsonValueKind.Null) continue;
                    if (value.ValueKind != JsonValueKind.String || ParseValue(value.GetString()) is not { } choice)
                        return $"{path}: {list} entry \"{id.GetString()}\": the choice must be \"update\", \"skip\" or \"new\"";
                    _choices.Add((id.GetString()!, choice));
                }
            }
            return null;
        }
        catch (JsonException e)
        {
            return $"{path}:{(e.LineNumber ?? 0) + 1}: not valid JSON ({e.Message})";
        }
    }

    /// <summary>
    /// The choices by question id of <paramref name="rows"/>. A key naming a question id of the file is that question;
    /// otherwise the one question whose title it is. A key naming no question, a question the bank does not hold yet,
    /// or several questions (a title used twice) is a problem with the question's line where there is one; then
    /// nothing may be committed.
    /// </summary>
    public (Dictionary<string, string?> ById, List<ImportIssue> Problems) Resolve(IReadOnlyList<ImportRow> rows, string fileName)
    {
        var byId = new Dictionary<string, string?>(StringComparer.Ordinal);
        var problems = new List<ImportIssue>();
        foreach (var (key, choice) in _choices)
        {
            var matches = rows.Where(r => r.Question.Id == key).ToList();
            if (matches.Count == 0) matches = rows.Where(r => r.Question.Title == key).ToList();
            if (matches.Count == 0)
                problems.Add(new(fileName, 0, L["--choice “{0}”：文件中没有这个编号或标题的试题", key], false));
            else if (matches.Count > 1)
                problems.Add(new(fileName, matches[1].Line, L["--choice “{0}”：文件中有 {1} 道试题使用这个标题（第 {2} 行起），请改用编号", key, matches.Count, matches[0].Line], false));
            else if (matches[0].Kind == ImportRowKind.New)
                problems.Add(new(fileName, matches[0].Line, L["--choice “{0}”：题库中还没有这道试题（{1}），它会被新建，无需选择", key, matches[0].Question.Id], false));
            else
                byId[matches[0].Question.Id] = choice.ToString();
        }
        return (byId, problems);
    }
}
