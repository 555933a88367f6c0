namespace CertPlatform.Web.Features.Grading;

public sealed record QueueGroup(string PaperId, string PaperTitle, string QuestionId, string QuestionType, string StemExcerpt,
    IReadOnlyList<int> Versions, IReadOnlyList<QueueItem> Items);
