using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Account;

public sealed class RegisterFormValidator : AbstractValidator<RegisterForm>
{
    public RegisterFormValidator(IStringLocalizer<SharedResource> L)
    {
        Include(new ProfileValidator(L));
        RuleFor(f => f.Password).NotEmpty().WithMessage(L["请填写密码"]);
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage(L["两次输入的密码不一致"]);
    }
}
