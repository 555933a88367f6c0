using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Practice;

public sealed class StartPracticeFormValidator : AbstractValidator<StartPracticeForm>
{
    public StartPracticeFormValidator(IStringLocalizer<SharedResource> L)
    {
        RuleFor(f => f.Lesson).Must((f, _) => new[] { f.Lesson, f.Part, f.Mistakes }.Count(v => !string.IsNullOrWhiteSpace(v)) == 1)
            .WithMessage(L["请选择要练习的课程、模块或错题。"]);
        RuleFor(f => f.Lesson).MaximumLength(100);
        RuleFor(f => f.Part).MaximumLength(50);
        RuleFor(f => f.Mistakes).MaximumLength(100);
    }
}
