using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.Practice;

public sealed record MappedPracticeAnswer(Response Response, IReadOnlyList<AnswerProblem> Problems, bool Blank);
