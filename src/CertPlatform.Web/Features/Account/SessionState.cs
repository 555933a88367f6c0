namespace CertPlatform.Web.Features.Account;

/// <summary>
/// What the database says about an open server-side session and its user, as far as a signed-in cookie
/// depends on it: the owner, the security stamp the cookie must carry, and the facts printed into the
/// cookie's claims (display name, forced password change). <see cref="SessionCache"/> keeps these per session.
/// </summary>
public sealed record SessionState(string UserId, string? SecurityStamp, string DisplayName, bool MustChangePassword, bool IsActive);
