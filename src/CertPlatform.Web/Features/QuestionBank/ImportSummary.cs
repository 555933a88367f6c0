using CertPlatform.Web.Features.QuestionBank.Formats;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// The preview of an import: the rows, what is skipped and why, hard errors (then nothing can be committed) and the
/// text encoding the file was read in. <see cref="ImportId"/> is set when the preview can be committed.
/// </summary>
public sealed record ImportSummary(Guid? ImportId, string FileName, BankFormat Format, string? Encoding, IReadOnlyList<ImportRow> Rows,
    IReadOnlyList<ImportIssue> Skipped, IReadOnlyList<ImportIssue> Errors)
{
    public bool CanCommit => ImportId is not null;
    public int NewCount => Rows.Count(r => r.Kind == ImportRowKind.New);
    public int ChangedCount => Rows.Count(r => r.Kind == ImportRowKind.Changed);
    public int UnchangedCount => Rows.Count(r => r.Kind == ImportRowKind.Unchanged);
}
