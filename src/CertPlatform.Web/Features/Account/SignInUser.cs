using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace CertPlatform.Web.Features.Account;

/// <summary>
/// Password sign-in that does not reveal which accounts exist: an unknown e-mail, a wrong password,
/// a locked and a deactivated account all give <see cref="SignInOutcome.Failed"/> and cost one
/// password hash each (Identity skips the hash for locked and deactivated accounts, and there is
/// nothing to hash for an unknown e-mail, so a dummy hash is checked instead).
/// </summary>
public sealed class SignInUser(SignInManager<AppUser> signIn, UserManager<AppUser> users, ILogger<SignInUser> log)
{
    private static string? _dummyHash;

    public async Task<SignInOutcome> RunAsync(string email, string password, bool remember)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || !user.IsActive || await users.IsLockedOutAsync(user))
        {
            SpendOneHash(password);
            if (user is not null) log.LogWarning("Sign-in refused for {UserId}: {Reason}", user.Id, user.IsActive ? "locked out" : "deactivated");
            return SignInOutcome.Failed;
        }
        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.IsLockedOut) log.LogWarning("User {UserId} is locked out", user.Id);
        if (!result.Succeeded) return SignInOutcome.Failed;
        log.LogInformation("User {UserId} signed in", user.Id);
        return user.MustChangePassword ? SignInOutcome.MustChangePassword : SignInOutcome.SignedIn;
    }

    /// <summary>Verifies the password against a hash of a random secret: the same work as a real check, never a match.</summary>
    private void SpendOneHash(string password)
    {
        var dummy = new AppUser();
        _dummyHash ??= users.PasswordHasher.HashPassword(dummy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        users.PasswordHasher.VerifyHashedPassword(dummy, _dummyHash, password);
    }
}
