using System.Security.Claims;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Account;

/// <summary>
/// Deactivated accounts cannot sign in, whatever their password. Every sign-in opens a server-side
/// session whose id goes into the cookie; signing out closes it, so the old cookie is dead at once.
/// A refresh of the cookie (password change, security-stamp check) keeps the session.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation, UserSessions sessions)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private bool _refreshing;

    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task RefreshSignInAsync(AppUser user)
    {
        _refreshing = true;
        try { await base.RefreshSignInAsync(user); }
        finally { _refreshing = false; }
    }

    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.Where(c => c.Type != AppClaims.SessionId).ToList();
        var current = Context.User;
        var sessionId = _refreshing && current.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id
            ? current.FindFirstValue(AppClaims.SessionId)
            : null;
        claims.Add(new Claim(AppClaims.SessionId, sessionId ?? await sessions.OpenAsync(user.Id, Context.RequestAborted)));
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    public override async Task SignOutAsync()
    {
        if (Context.User.FindFirstValue(AppClaims.SessionId) is { } sessionId) await sessions.CloseAsync(sessionId);
        await base.SignOutAsync();
    }
}
