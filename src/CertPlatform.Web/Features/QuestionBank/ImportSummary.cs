using CertPlatform.Web.Features.QuestionBank.Formats;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// The preview of an import: the rows, what is skipped and why, hard errors (then nothing can be committed) and the
/// text encoding the file was read in. <see cref="ImportId"/> is set when the preview can be committed,
/// <see cref="PreviewId"/> whenever it is stored (then its images are served from it while it is pending).
/// </summary>
public sealed record ImportSummary(Guid? ImportId, string FileName, BankFormat Format, string? Encoding, IReadOnlyList<ImportRow> Rows,
    IReadOnlyList<ImportIssue> Skipped, IReadOnlyList<ImportIssue> Errors)
{
    /// <summary>Largest image a preview that is not stored (a file with errors) shows inline as a data: URI.</summary>
    public const int InlineImageBytes = 256 * 1024;

    public Guid? PreviewId { get; init; }

    public bool CanCommit => ImportId is not null;

    /// <summary>
    /// Where the preview page gets an image of <paramref name="row"/>: one the file carried from the stored preview
    /// (owner only, while pending), or inline when the preview is not stored and the image is small enough (null: not
    /// shown); any other from the bank.
    /// </summary>
    public string? ImageSource(ImportRow row, string sha)
    {
        if (row.Images is null || !row.Images.TryGetValue(sha, out var carried)) return "/images/" + sha;
        if (PreviewId is { } id) return $"/bank/import/{id}/images/{sha}";
        return carried.Bytes.Length <= InlineImageBytes ? $"data:{carried.ContentType};base64,{Convert.ToBase64String(carried.Bytes)}" : null;
    }
    public int NewCount => Rows.Count(r => r.Kind == ImportRowKind.New);
    public int ChangedCount => Rows.Count(r => r.Kind == ImportRowKind.Changed);
    public int UnchangedCount => Rows.Count(r => r.Kind == ImportRowKind.Unchanged);
}
