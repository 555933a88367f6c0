namespace CertPlatform.Web.Features.Exams.Contract;

/// <summary>200 body of a save: the seq now stored, sent only after the answer is committed.</summary>
public sealed record AnswerSaved(long Seq, DateTimeOffset SavedAtUtc);
