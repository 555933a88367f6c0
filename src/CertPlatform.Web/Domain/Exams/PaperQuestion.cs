using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Domain.Exams;

/// <summary>A question the paper drew, with the version the attempt pins.</summary>
public sealed record PaperQuestion(Question Question, int Version, int Section, decimal Points);
