namespace CertPlatform.Web.Features.Grading;

/// <summary>What a regrade did: attempts regraded, whose score or verdict changed, who crossed the pass mark.</summary>
public sealed record RegradeOutcome(int CurrentVersion, int Regraded, int Changed, int PassCrossed);
