using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Papers;

public sealed class PaperFormValidator : AbstractValidator<PaperForm>
{
    public static readonly string[] Types = Enum.GetNames<QuestionType>();

    public PaperFormValidator(IStringLocalizer<SharedResource> L, Content.ContentCatalog catalog)
    {
        RuleFor(f => f.Id).Must(id => Content.LessonParser.IsValidId((id ?? "").Trim())).When(f => f.IsNew)
            .WithMessage(L["编号只能包含小写字母、数字和连字符"]);
        RuleFor(f => f.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(L["请填写试卷名称"]).MaximumLength(200);
        RuleFor(f => f.Kind).Must(PaperKind.IsKnown).WithMessage(L["请选择试卷类型"]);
        RuleFor(f => f.ProgrammeId).Must(p => !string.IsNullOrWhiteSpace(p)).When(f => f.Kind == PaperKind.Certification)
            .WithMessage(L["认证试卷必须选择认证项目"]);
        RuleFor(f => f.Status).Must(PaperStatus.IsKnown).WithMessage(L["请选择状态"]);
        RuleFor(f => f.TimeLimitMinutes).InclusiveBetween(1, 600).WithMessage(L["考试时间应为 1–600 分钟"]);
        RuleFor(f => f.PassMark).GreaterThanOrEqualTo(0).WithMessage(L["及格分不能为负数"]);
        RuleFor(f => f.PassMark).Must((f, pass) => pass <= f.TotalPoints()).When(f => f.TotalPoints() > 0)
            .WithMessage(f => L["及格分（{0} 分）不能高于试卷总分（{1} 分）：这样没有人能通过", f.PassMark.ToString("0.##"), f.TotalPoints().ToString("0.##")]);
        RuleFor(f => f.AttemptsAllowed).InclusiveBetween(0, 100).WithMessage(L["次数应为 0–100（0 表示不限）"]);
        RuleFor(f => f.FocusLossLimit).InclusiveBetween(1, 1000).When(f => f.FocusLossLimit is not null).WithMessage(L["离开次数上限应为 1–1000"]);
        RuleFor(f => f.ClosesAt).Must((f, c) => c is null || f.OpensAt is null || c > f.OpensAt).WithMessage(L["截止时间必须晚于开放时间"]);
        RuleFor(f => f.NewPassword).MaximumLength(100);
        RuleFor(f => f.Audience).Must(a => a is PaperAudience.Everyone or PaperAudience.Assigned).WithMessage(L["请选择考试对象"]);
        RuleFor(f => f.Audience).Must((f, a) => a == PaperAudience.Everyone || PaperForm.Lines(f.Organizations + "\n" + f.Departments + "\n" + f.Trainees).Any())
            .WithMessage(L["指定考试对象时，请至少填写一个单位、部门或学员"]);
        When(f => f.Mode == PaperMode.Blueprint, () =>
        {
            RuleFor(f => f.Sections).Must(s => s.Any(r => !r.IsEmpty)).WithMessage(L["蓝图至少需要一个部分"]);
            RuleForEach(f => f.Sections).Where(r => !r.IsEmpty).ChildRules(row =>
            {
                row.RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(L["请填写部分名称"]);
                row.RuleFor(r => r.Count).InclusiveBetween(1, 500).WithMessage(L["抽题数应为 1–500"]);
                row.RuleFor(r => r.PointsEach).GreaterThan(0).WithMessage(L["每题分值必须大于 0"]);
                row.RuleFor(r => r.PartId).Must(p => string.IsNullOrWhiteSpace(p) || catalog.Curriculum.Parts.Any(x => x.Id == p.Trim())).WithMessage(L["没有这个部分"]);
                row.RuleFor(r => r.LessonId).Must(l => string.IsNullOrWhiteSpace(l) || catalog.Find(l.Trim()) is not null).WithMessage(L["没有这个课程"]);
                row.RuleFor(r => r.Type).Must(t => string.IsNullOrWhiteSpace(t) || Types.Contains(t.Trim())).WithMessage(L["没有这个题型"]);
                row.RuleFor(r => r.MinDifficulty).InclusiveBetween(1, 5).When(r => r.MinDifficulty is not null).WithMessage(L["难度应为 1–5"]);
                row.RuleFor(r => r.MaxDifficulty).InclusiveBetween(1, 5).When(r => r.MaxDifficulty is not null).WithMessage(L["难度应为 1–5"]);
            });
        });
        When(f => f.Mode == PaperMode.Fixed, () =>
        {
            RuleFor(f => f.FixedText).Must(t => PaperForm.Lines(t).Any()).WithMessage(L["固定试卷至少需要一道题"]);
            RuleFor(f => f.FixedText).Must((f, _) => f.Fixed().Errors.Count == 0)
                .WithMessage(f => L["每行写一个题号和分值（如 p1-swot-q01 2），这些行有误：{0}", string.Join("；", f.Fixed().Errors)]);
        });
        RuleFor(f => f.Mode).Must(m => m is PaperMode.Blueprint or PaperMode.Fixed).WithMessage(L["请选择组卷方式"]);
    }
}
