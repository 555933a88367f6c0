namespace CertPlatform.Web.Features.Practice;

/// <summary>A ready question that can be practised, with the version to show.</summary>
public sealed record PracticeCandidate(string Id, int Version, string LessonId, string PartId);
