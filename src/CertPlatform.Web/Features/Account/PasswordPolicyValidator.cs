using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Account;

/// <summary>Applies <see cref="PasswordPolicy"/> wherever Identity checks a new password (registration, change, reset).</summary>
public sealed class PasswordPolicyValidator(IStringLocalizer<SharedResource> L) : IPasswordValidator<AppUser>
{
    private static readonly PasswordPolicy Policy = new(CommonPasswords.All);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success); // Identity's own rules report it
        var problems = Policy.Check(password, user.Email, user.EmployeeNumber);
        if (problems.Count == 0) return Task.FromResult(IdentityResult.Success);
        return Task.FromResult(IdentityResult.Failed(problems.Select(p => new IdentityError
        {
            Code = "Password" + p,
            Description = p switch
            {
                PasswordProblem.Common => L["这个密码太常见，很容易被猜中，请换一个"],
                PasswordProblem.ContainsEmail => L["密码不能包含您的邮箱"],
                _ => L["密码不能包含您的工号"],
            },
        }).ToArray()));
    }
}
