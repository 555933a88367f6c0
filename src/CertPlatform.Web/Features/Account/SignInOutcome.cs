namespace CertPlatform.Web.Features.Account;

public enum SignInOutcome
{
    SignedIn,
    /// <summary>Signed in with an initial password: the next stop is the change-password form.</summary>
    MustChangePassword,
    /// <summary>Unknown e-mail, wrong password, locked or deactivated: deliberately one outcome (see <see cref="SignInUser"/>).</summary>
    Failed,
}
