namespace CertPlatform.Web.Features.Exams.Contract;

/// <summary>200 body of a flag change: every flagged question ref, ascending.</summary>
public sealed record FlagsChanged(IReadOnlyList<int> Flags);
