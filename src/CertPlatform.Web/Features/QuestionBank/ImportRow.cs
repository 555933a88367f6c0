using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>One question of an import preview: what it is, where it came from, what committing it would do.</summary>
public sealed record ImportRow(Question Question, int Line, string? Category, ImportRowKind Kind, int? CurrentVersion,
    IReadOnlyList<DiffLine> Diff, IReadOnlyList<ImportIssue> Notes)
{
    /// <summary>The images the file carried for this question, by the name the file used (stored at commit).</summary>
    public IReadOnlyDictionary<string, ImportedImage>? Images { get; init; }
}
