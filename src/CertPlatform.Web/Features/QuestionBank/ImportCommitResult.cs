using CertPlatform.Web.Features.QuestionBank.Formats;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// The outcome of committing an import: ids created, updated (new version) and left alone; or, when
/// <see cref="Problems"/> is not empty (the bank changed since the preview) or <see cref="InvalidChoice"/> is set (a row's
/// choice names no question of the import or no known choice), nothing was changed. Null from the use case means the preview is gone.
/// </summary>
public sealed record ImportCommitResult(IReadOnlyList<string> Created, IReadOnlyList<string> Updated, IReadOnlyList<string> Skipped,
    IReadOnlyList<ImportText> Problems, ImportText? InvalidChoice = null)
{
    public static ImportCommitResult Invalid(ImportText why) => new([], [], [], [], why);
}
