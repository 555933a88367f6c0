using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Account;

[Route("account")]
public sealed class AccountController(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, IOptions<AccountOptions> options,
    IStringLocalizer<SharedResource> L) : Controller
{
    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login")]
    [EnableRateLimiting(RateLimits.Login)]
    public async Task<IActionResult> Login(LoginForm form, [FromServices] SignInUser signInUser)
    {
        if (string.IsNullOrWhiteSpace(form.Email) || string.IsNullOrEmpty(form.Password))
        {
            ModelState.AddModelError("", L["请输入邮箱和密码"]);
            return View(form);
        }
        switch (await signInUser.RunAsync(form.Email, form.Password, form.RememberMe))
        {
            case SignInOutcome.MustChangePassword:
                return Redirect("/account/change-password");
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "/");
            default:
                // One message for unknown, wrong password, locked and deactivated: it must not tell which accounts exist.
                ModelState.AddModelError("", L["邮箱或密码不正确。连续输错 {0} 次后账号会锁定 {1} 分钟，停用的账号也无法登录；如有疑问请联系管理员。",
                    options.Value.MaxFailedLogins, options.Value.LockoutMinutes]);
                return View(form);
        }
    }

    /// <summary>Ends this session on the server too: a copy of the cookie no longer works.</summary>
    [AllowAnonymous]
    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    [AllowAnonymous]
    [HttpGet("register")]
    public IActionResult Register() => options.Value.SelfRegistration ? View(new RegisterForm()) : View("RegistrationClosed");

    [AllowAnonymous]
    [HttpPost("register")]
    [EnableRateLimiting(RateLimits.Login)]
    public async Task<IActionResult> Register(RegisterForm form, [FromServices] IValidator<RegisterForm> validator, [FromServices] RegisterUser register, CancellationToken ct)
    {
        if (!options.Value.SelfRegistration) return View("RegistrationClosed");
        if (!(await validator.ValidateAsync(form, ct)).AddTo(ModelState)) return View(form);
        var outcome = await register.RunAsync(form, ct);
        if (!outcome.Submitted)
        {
            foreach (var e in outcome.Errors) ModelState.AddModelError(nameof(form.Password), e.Description);
            return View(form);
        }
        return View("Registered");
    }

    [Authorize]
    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [Authorize]
    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form, [FromServices] IValidator<ChangePasswordForm> validator)
    {
        if (!(await validator.ValidateAsync(form)).AddTo(ModelState)) return View(form);
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(form.CurrentPassword) : nameof(form.NewPassword), e.Description);
            return View(form);
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = L["密码已修改。"].Value;
        return Redirect("/");
    }

    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
