namespace CertPlatform.Web.Features.Practice;

/// <summary>A question of a practice set, pinned to the version that was current when the set was drawn.</summary>
public sealed record PracticeItem(string Id, int Version);
