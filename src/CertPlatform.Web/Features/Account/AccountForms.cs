using CertPlatform.Web.Data;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Account;

public sealed class LoginForm
{
    public string Email { get; set => field = value ?? ""; } = "";
    public string Password { get; set => field = value ?? ""; } = "";
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class RegisterForm : IProfileFields
{
    public string FullName { get; set => field = value ?? ""; } = "";
    public string EmployeeNumber { get; set => field = value ?? ""; } = "";
    public string Organization { get; set => field = value ?? ""; } = "";
    public string Department { get; set => field = value ?? ""; } = "";
    public string Email { get; set => field = value ?? ""; } = "";
    public string Password { get; set => field = value ?? ""; } = "";
    public string ConfirmPassword { get; set => field = value ?? ""; } = "";
}

public sealed class ChangePasswordForm
{
    public string CurrentPassword { get; set => field = value ?? ""; } = "";
    public string NewPassword { get; set => field = value ?? ""; } = "";
    public string ConfirmPassword { get; set => field = value ?? ""; } = "";
}

/// <summary>Rules for the profile fields HR relies on; shared by registration, admin forms and bulk import.</summary>
public static class ProfileRules
{
    public const int MaxName = 50;
    public const int MaxEmployeeNumber = 32;
    public const int MaxOrganization = 100;
    public static readonly System.Text.RegularExpressions.Regex EmployeeNumberPattern = new("^[A-Za-z0-9_-]{1,32}$");

    public static IRuleBuilderOptions<T, string> ValidFullName<T>(this IRuleBuilder<T, string> rule, IStringLocalizer L) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(L["请填写姓名"])
            .Must(v => (v ?? "").Trim().Length <= MaxName).WithMessage(L["姓名不能超过 {0} 个字符", MaxName]);

    public static IRuleBuilderOptions<T, string> ValidEmployeeNumber<T>(this IRuleBuilder<T, string> rule, IStringLocalizer L) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(L["请填写工号"])
            .Must(v => EmployeeNumberPattern.IsMatch((v ?? "").Trim())).WithMessage(L["工号只能包含字母、数字、下划线和连字符，最多 32 位"]);

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule, IStringLocalizer L) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(L["请填写邮箱"])
            .EmailAddress().WithMessage(L["邮箱格式不正确"])
            .MaximumLength(256).WithMessage(L["邮箱过长"]);
}

/// <summary>The profile fields HR relies on, shared by self-registration and the admin user form.</summary>
public interface IProfileFields
{
    string FullName { get; }
    string EmployeeNumber { get; }
    string Organization { get; }
    string Department { get; }
    string Email { get; }
}

public sealed class ProfileValidator : AbstractValidator<IProfileFields>
{
    public ProfileValidator(IStringLocalizer L)
    {
        RuleFor(f => f.FullName).ValidFullName(L);
        RuleFor(f => f.EmployeeNumber).ValidEmployeeNumber(L);
        RuleFor(f => f.Organization).NotEmpty().WithMessage(L["请填写单位"]).MaximumLength(ProfileRules.MaxOrganization);
        RuleFor(f => f.Department).MaximumLength(ProfileRules.MaxOrganization);
        RuleFor(f => f.Email).ValidEmail(L);
    }
}

public sealed class RegisterFormValidator : AbstractValidator<RegisterForm>
{
    public RegisterFormValidator(IStringLocalizer<SharedResource> L)
    {
        Include(new ProfileValidator(L));
        RuleFor(f => f.Password).NotEmpty().WithMessage(L["请填写密码"]);
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage(L["两次输入的密码不一致"]);
    }
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator(IStringLocalizer<SharedResource> L)
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage(L["请填写当前密码"]);
        RuleFor(f => f.NewPassword).NotEmpty().WithMessage(L["请填写新密码"])
            .NotEqual(f => f.CurrentPassword).WithMessage(L["新密码不能与当前密码相同"]);
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage(L["两次输入的密码不一致"]);
    }
}
