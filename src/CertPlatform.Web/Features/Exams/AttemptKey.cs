namespace CertPlatform.Web.Features.Exams;

/// <summary>What the autosave path needs to know about an attempt, cached so a save costs no extra query.</summary>
public sealed record AttemptKey(string Id, string UserId, DateTimeOffset Deadline, int QuestionCount);
