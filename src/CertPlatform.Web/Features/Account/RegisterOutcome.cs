using Microsoft.AspNetCore.Identity;

namespace CertPlatform.Web.Features.Account;

/// <summary>
/// What a registration attempt led to. <see cref="Submitted"/> covers both a new account and a
/// duplicate e-mail or 工号 (recorded for HR in the audit log), so the answer does not reveal
/// which e-mail addresses or employee numbers are registered.
/// </summary>
public sealed record RegisterOutcome(bool Submitted, IReadOnlyList<IdentityError> Errors)
{
    public static readonly RegisterOutcome Accepted = new(true, []);
}
