using System.Globalization;
using System.Text.Json;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// What <c>PendingImports.PayloadJson</c> holds for a question import: the state of the preview work (a background job
/// reading a large file writes its progress here, so every instance sharing the database shows it) and, once done, the
/// whole preview — rows with diffs and notes, skipped questions and errors with their untranslated messages — so the
/// preview page can be shown again (after a reload, on another instance, in the other language) and the commit applies
/// exactly what was previewed.
/// </summary>
public sealed record StoredImport(ImportJobState State, int Done, int Total, DateTimeOffset UpdatedAt, StoredImportPreview? Result)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>The stored state, or null for a payload of another shape (e.g. written by an older version).</summary>
    public static StoredImport? Deserialize(string json)
    {
        try { return JsonSerializer.Deserialize<StoredImport>(json, Json); }
        catch (JsonException) { return null; }
    }

    public static StoredImportPreview From(ImportSummary s) => new(s.FileName, s.Format, s.Encoding,
        s.Rows.Select(r => new StoredImportRow(QuestionJson.Serialize(r.Question), r.Line, r.Category, r.Kind, r.CurrentVersion, r.Diff.ToList(),
            r.Notes.Select(From).ToList(), r.Images is null ? null : new Dictionary<string, ImportedImage>(r.Images, StringComparer.Ordinal))).ToList(),
        s.Skipped.Select(From).ToList(), s.Errors.Select(From).ToList());

    /// <summary>The preview as pages show it; <paramref name="importId"/> is set when it can be committed.</summary>
    public static ImportSummary ToSummary(StoredImportPreview p, Guid? importId) => new(importId, p.FileName, p.Format, p.Encoding,
        p.Rows.Select(r => new ImportRow(QuestionJson.Deserialize(r.Question), r.Line, r.Category, r.Kind, r.CurrentVersion, r.Diff,
            r.Notes.Select(ToIssue).ToList()) { Images = r.Images }).ToList(),
        p.Skipped.Select(ToIssue).ToList(), p.Errors.Select(ToIssue).ToList());

    private static StoredImportIssue From(ImportIssue i) => new(i.File, i.Line, From(i.Text), i.Skipped);

    private static StoredImportText From(ImportText t) => new(t.Key, t.Args.Select(a => a is ImportText nested
        ? new StoredImportArg(null, From(nested))
        : new StoredImportArg(Convert.ToString(a, CultureInfo.InvariantCulture), null)).ToList());

    private static ImportIssue ToIssue(StoredImportIssue i) => new(i.File, i.Line, ToText(i.Message), i.Skipped);

    private static ImportText ToText(StoredImportText t) => new(t.Key, t.Args.Select(a => a.Nested is { } n ? ToText(n) : (object?)a.Value).ToList());
}
