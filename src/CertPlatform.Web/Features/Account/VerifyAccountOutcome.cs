namespace CertPlatform.Web.Features.Account;

/// <summary>What <see cref="VerifyAccount"/> did with a request to confirm an account.</summary>
public enum VerifyAccountOutcome { Verified, AlreadyVerified, NotFound }
