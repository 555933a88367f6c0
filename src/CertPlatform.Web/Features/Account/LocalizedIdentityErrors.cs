using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Account;

/// <summary>Identity's messages in the UI language (Chinese by default).</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> L) : IdentityErrorDescriber
{
    private IdentityError E(string code, string text) => new() { Code = code, Description = text };
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), L["密码至少需要 {0} 位", length]);
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), L["密码必须包含数字"]);
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), L["密码必须包含小写字母"]);
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), L["密码必须包含大写字母"]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), L["密码必须包含符号"]);
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), L["当前密码不正确"]);
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), L["邮箱 {0} 已被使用", email]);
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), L["账号 {0} 已存在", userName]);
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), L["邮箱 {0} 格式不正确", email ?? ""]);
}
