namespace CertPlatform.Web.Features.Analytics;

public sealed record MasteryEntry(string Id, string Title, int Responses, int Trainees, double? Mastery);
