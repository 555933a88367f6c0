using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Content;

/// <summary>A question from the shipped bank with where it was defined (for error messages).</summary>
public sealed record BankQuestion(Question Question, string File, int Line);
