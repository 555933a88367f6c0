namespace CertPlatform.Web.Features.Account;

public sealed class LoginForm
{
    public string Email { get; set => field = value ?? ""; } = "";
    public string Password { get; set => field = value ?? ""; } = "";
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}
