using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Account;

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
