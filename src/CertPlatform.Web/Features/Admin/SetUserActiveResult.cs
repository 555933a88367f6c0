namespace CertPlatform.Web.Features.Admin;

/// <summary>The outcome and the name of the user it concerns (empty when not found).</summary>
public sealed record SetUserActiveResult(SetUserActiveOutcome Outcome, string FullName = "");
