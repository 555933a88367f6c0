using CertPlatform.Web.Domain.Questions.Lint;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>A question with its open item-writing findings (and how many of its findings it silences).</summary>
public sealed record LintedQuestion(string Id, string LessonId, string PartId, IReadOnlyList<LintFinding> Findings, int Silenced);
