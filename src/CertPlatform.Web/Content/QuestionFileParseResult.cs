namespace CertPlatform.Web.Content;

public sealed record QuestionFileParseResult(string? LessonId, int LessonLine, List<BankQuestion> Questions, List<ContentError> Errors);
