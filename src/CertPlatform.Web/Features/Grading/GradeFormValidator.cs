using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Grading;

public sealed class GradeFormValidator : AbstractValidator<GradeForm>
{
    public GradeFormValidator(IStringLocalizer<SharedResource> L)
    {
        RuleFor(f => f.Score).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(L["请填写得分"])
            .Must((f, _) => f.ParsedScore is not null).WithMessage(L["得分必须是数字"])
            .Must((f, _) => f.ParsedScore >= 0 && f.ParsedScore <= f.ManualMax)
                .WithMessage(f => L["得分必须在 0 到 {0} 分之间", f.ManualMax.ToString("0.##", CultureInfo.InvariantCulture)])
            .Must((f, _) => f.ParsedScore == f.ManualMax || f.ParsedScore * 2 == decimal.Truncate(f.ParsedScore!.Value * 2))
                .WithMessage(L["得分以 0.5 分为单位"]);
        RuleFor(f => f.Comment).MaximumLength(GradeForm.MaxCommentLength)
            .WithMessage(L["评语不能超过 {0} 个字", GradeForm.MaxCommentLength]);
    }
}
