using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Account;

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
