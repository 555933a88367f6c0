using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Account;

[Route("account")]
public sealed class AccountController(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, IOptions<AccountOptions> options,
    IStringLocalizer<SharedResource> L, TimeProvider clock, AuditLog audit, AppDbContext db,
    ILogger<AccountController> log) : Controller
{
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [EnableRateLimiting(RateLimits.Login)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Email) || string.IsNullOrEmpty(form.Password))
        {
            ModelState.AddModelError("", L["请输入邮箱和密码"]);
            return View(form);
        }
        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is null)
        {
            ModelState.AddModelError("", L["邮箱或密码不正确"]);
            return View(form);
        }
        var result = await signIn.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("User {UserId} signed in", user.Id);
            if (user.MustChangePassword) return Redirect("/account/change-password");
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "/");
        }
        if (result.IsLockedOut)
        {
            log.LogWarning("User {UserId} is locked out", user.Id);
            ModelState.AddModelError("", L["登录失败次数过多，账号已暂时锁定，请 {0} 分钟后再试", options.Value.LockoutMinutes]);
        }
        else if (result.IsNotAllowed || !user.IsActive)
            ModelState.AddModelError("", L["该账号已停用，请联系管理员"]);
        else
            ModelState.AddModelError("", L["邮箱或密码不正确"]);
        return View(form);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    [HttpGet("register")]
    public IActionResult Register() => options.Value.SelfRegistration ? View(new RegisterForm()) : View("RegistrationClosed");

    [HttpPost("register")]
    [EnableRateLimiting(RateLimits.Login)]
    public async Task<IActionResult> Register(RegisterForm form, [FromServices] IValidator<RegisterForm> validator)
    {
        if (!options.Value.SelfRegistration) return View("RegistrationClosed");
        if (!(await validator.ValidateAsync(form)).AddTo(ModelState)) return View(form);
        var employeeNumber = form.EmployeeNumber.Trim();
        if (await db.Users.AnyAsync(u => u.EmployeeNumber == employeeNumber))
        {
            ModelState.AddModelError(nameof(form.EmployeeNumber), L["工号 {0} 已注册，如有疑问请联系管理员", employeeNumber]);
            return View(form);
        }
        var user = new AppUser
        {
            UserName = form.Email.Trim(), Email = form.Email.Trim(), FullName = form.FullName.Trim(),
            EmployeeNumber = employeeNumber, Organization = form.Organization.Trim(), Department = form.Department.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, form.Password);
        if (!created.Succeeded)
        {
            created.AddTo(ModelState);
            return View(form);
        }
        await users.AddToRoleAsync(user, Roles.Trainee);
        audit.Record(null, "account.register", user.Email!, $"{user.FullName} {user.EmployeeNumber}");
        await db.SaveChangesAsync();
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Flash"] = L["注册成功，欢迎开始学习。"].Value;
        return Redirect("/");
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

    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
