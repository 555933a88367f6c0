using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Account;

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
