using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Exams;

/// <summary>The attempt started or resumed (null otherwise), and how many attempts the paper allows (for the message when none are left).</summary>
public sealed record StartAttemptResult(StartAttemptOutcome Outcome, Attempt? Attempt = null, int AttemptsAllowed = 0);
