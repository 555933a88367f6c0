namespace CertPlatform.Web.Features.Account;

public sealed class ChangePasswordForm
{
    public string CurrentPassword { get; set => field = value ?? ""; } = "";
    public string NewPassword { get; set => field = value ?? ""; } = "";
    public string ConfirmPassword { get; set => field = value ?? ""; } = "";
}
