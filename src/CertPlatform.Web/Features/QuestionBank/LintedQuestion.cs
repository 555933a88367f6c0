using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Questions.Lint;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>A question with its open item-writing findings (and how many of its findings it silences).</summary>
public sealed record LintedQuestion(string Id, string LessonId, string PartId, IReadOnlyList<LintFinding> Findings, int Silenced);
