namespace CertPlatform.Web.Features.Admin;

/// <summary>The outcome, the initial password when reset, and Identity's messages when it failed.</summary>
public sealed record ResetUserPasswordResult(ResetUserPasswordOutcome Outcome, InitialPassword? Password = null, string Problem = "");
