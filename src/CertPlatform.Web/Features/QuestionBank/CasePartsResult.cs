using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank;

public sealed record CasePartsResult(IReadOnlyList<Question> Parts, IReadOnlyList<string> Errors);
