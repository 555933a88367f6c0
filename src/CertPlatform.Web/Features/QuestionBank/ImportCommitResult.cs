using CertPlatform.Web.Features.QuestionBank.Formats;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// The outcome of committing an import: ids created, updated (new version) and left alone; or, when
/// <see cref="Problems"/> is not empty, nothing was changed. Null from the use case means the preview is gone.
/// </summary>
public sealed record ImportCommitResult(IReadOnlyList<string> Created, IReadOnlyList<string> Updated, IReadOnlyList<string> Skipped,
    IReadOnlyList<ImportText> Problems);
