namespace CertPlatform.Web.Features.Grading;

internal sealed record GradingQueueEntry(string AttemptId, int Ref, string PaperId, string QuestionId, int Version, decimal ManualMax, string Number);
