using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;

namespace CertPlatform.Web.Features.QuestionBank;

public sealed record StoredImportRow(string Question, int Line, string? Category, ImportRowKind Kind, int? CurrentVersion, List<DiffLine> Diff, List<StoredImportIssue> Notes,
    Dictionary<string, ImportedImage>? Images = null);
