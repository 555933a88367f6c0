namespace CertPlatform.Web.Features.Account;

public sealed class AccountOptions
{
    public const string Section = "Accounts";
    /// <summary>Whether visitors may create their own trainee account.</summary>
    public bool SelfRegistration { get; set; } = true;
    public int MaxFailedLogins { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
}
