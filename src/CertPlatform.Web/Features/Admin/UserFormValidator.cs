using CertPlatform.Web.Features.Account;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Admin;

public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public UserFormValidator(IStringLocalizer<SharedResource> L)
    {
        Include(new ProfileValidator(L));
        RuleFor(f => f.Roles).NotEmpty().WithMessage(L["至少选择一个角色"])
            .Must(r => r.All(Data.Roles.All.Contains)).WithMessage(L["角色无效"]);
    }
}
