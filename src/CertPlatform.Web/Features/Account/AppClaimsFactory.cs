using System.Security.Claims;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Account;

/// <summary>Adds the profile name and the must-change-password flag to the sign-in cookie.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new Claim(AppClaims.FullName, DisplayName(user.FullName, user.UserName)));
        if (user.MustChangePassword) id.AddClaim(new Claim(AppClaims.MustChangePassword, "true"));
        return id;
    }

    /// <summary>The name the cookie carries: the profile name, or the user name when there is none.</summary>
    public static string DisplayName(string? fullName, string? userName) => string.IsNullOrEmpty(fullName) ? userName ?? "" : fullName;
}
