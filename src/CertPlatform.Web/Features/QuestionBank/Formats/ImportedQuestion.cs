using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// A question read from a file, the line it starts on and its category path (if the format has one).
/// <see cref="Notes"/> lists what the file said about it that the platform does not keep (shown in the preview);
/// <see cref="Images"/> are the images the file carried for it, by SHA-256 (stored when the import is committed).
/// </summary>
public sealed record ImportedQuestion(Question Question, int Line, string? Category)
{
    public IReadOnlyList<ImportIssue> Notes { get; init; } = [];
    public IReadOnlyDictionary<string, ImportedImage> Images { get; init; } = new Dictionary<string, ImportedImage>();

    /// <summary>The pool the file names for the question (<see cref="PoolTag"/>); null when it names none.</summary>
    public QuestionPool? Pool { get; init; }
}
