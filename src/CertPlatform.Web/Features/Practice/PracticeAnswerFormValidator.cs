using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Practice;

public sealed class PracticeAnswerFormValidator : AbstractValidator<PracticeAnswerForm>
{
    public PracticeAnswerFormValidator(IStringLocalizer<SharedResource> L)
    {
        RuleFor(f => f.S).NotEmpty().MaximumLength(PracticeAnswerForm.MaxTokenLength).WithMessage(L["练习已失效，请重新开始。"]);
        RuleFor(f => f.Answer).SetValidator(new ItemAnswerValidator(L, depth: 0));
    }

    private sealed class ItemAnswerValidator : AbstractValidator<ItemAnswer>
    {
        public ItemAnswerValidator(IStringLocalizer<SharedResource> L, int depth)
        {
            RuleFor(a => a.Selected.Count).LessThanOrEqualTo(10).WithMessage(L["答案格式不正确。"]);
            RuleFor(a => a.Matches.Count).LessThanOrEqualTo(10).WithMessage(L["答案格式不正确。"]);
            RuleFor(a => a.Ranks.Count).LessThanOrEqualTo(10).WithMessage(L["答案格式不正确。"]);
            RuleFor(a => a.Blanks.Count).LessThanOrEqualTo(10).WithMessage(L["答案格式不正确。"]);
            RuleForEach(a => a.Blanks).Must(b => (b ?? "").Trim().Length <= PracticeAnswerForm.MaxBlankLength)
                .WithMessage(L["每空最多填写 {0} 个字。", PracticeAnswerForm.MaxBlankLength]);
            RuleFor(a => a.Parts.Count).LessThanOrEqualTo(depth == 0 ? 10 : 0).WithMessage(L["答案格式不正确。"]);
            if (depth == 0) RuleForEach(a => a.Parts).SetValidator(new ItemAnswerValidator(L, depth + 1));
        }
    }
}
