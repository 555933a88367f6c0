namespace CertPlatform.Web.Features.Account;

/// <summary>A self-registered account was confirmed as a real employee (raised in-process after the change is saved).</summary>
public sealed record AccountVerified(string UserId, DateTimeOffset At, string? VerifiedById);
