namespace CertPlatform.Web.Features.Grading;

/// <summary>An item waiting for an examiner, as the queue shows it: no candidate, no attempt id.</summary>
public sealed record QueueItem(string Token, string Number, decimal ManualMax);
