using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank;

public sealed record BankFilter(string? Part, string? Lesson, string? Type, int? Difficulty, string? Tag, string? Status, string? Q, int Page = 1, QuestionPool? Pool = null);
