namespace CertPlatform.Web.Features.Account;

public static class AppClaims
{
    public const string MustChangePassword = "cp:must_change_password";
    public const string FullName = "cp:full_name";
    /// <summary>The server-side session (<see cref="Data.UserSession"/>) this cookie belongs to.</summary>
    public const string SessionId = "cp:sid";
}
