using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Questions;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.QuestionBank;

public sealed class QuestionFormValidator : AbstractValidator<QuestionForm>
{
    /// <summary>The error key of the editor's "advanced: option feedback and weights" section.</summary>
    public const string OptionExtrasKey = "OptionExtras";
    public const int MaxFeedback = 2000;

    public QuestionFormValidator(IStringLocalizer<SharedResource> L, ContentCatalog catalog)
    {
        RuleFor(f => f.Id).Must(id => LessonParser.IsValidId((id ?? "").Trim())).WithMessage(L["题号只能包含小写字母、数字和连字符"]);
        RuleFor(f => f.LessonId).Must(id => catalog.Find(id ?? "") is not null).WithMessage(L["请选择课程"]);
        RuleFor(f => f.Anchor).Must((f, a) => string.IsNullOrWhiteSpace(a) || catalog.Find(f.LessonId)?.HasAnchor(a.Trim()) == true)
            .WithMessage(L["该课程没有这个章节锚点"]);
        RuleFor(f => f.Difficulty).InclusiveBetween(1, 5).WithMessage(L["难度应为 1–5"]);
        RuleFor(f => f.Pool).IsInEnum().WithMessage(L["题池只能是练习题池或认证题池"]);
        RuleFor(f => f.Stem).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage(L["请填写题干"]).MaximumLength(4000);
        RuleFor(f => f.Explanation).MaximumLength(4000);
        RuleFor(f => f.Points).GreaterThan(0).WithMessage(L["分值必须大于 0"]);

        When(f => f.Type is QuestionType.Single or QuestionType.Multiple, () =>
        {
            RuleFor(f => f.Options).Must(o => o.Count(x => !string.IsNullOrWhiteSpace(x.Text)) >= 2).WithMessage(L["至少填写两个选项"]);
            // With weights (partial credit) a single-choice question may give full credit to several answers, as Moodle allows.
            RuleFor(f => f.Options).Must((f, o) => f.Type != QuestionType.Single || f.FilledOptions.Any(x => x.Weight is not null) || f.FilledOptions.Count(x => x.Correct) == 1)
                .WithMessage(L["单选题必须且只能有一个正确选项"]);
            RuleFor(f => f.Options).Must((f, o) => f.Type != QuestionType.Multiple || f.FilledOptions.Any(x => x.Correct))
                .WithMessage(L["多选题至少要有一个正确选项"]);
            RuleFor(f => f.Options).Must(o => !o.Any(x => x.Correct && string.IsNullOrWhiteSpace(x.Text)))
                .WithMessage(L["勾选为正确的选项不能为空"]);
            RuleFor(f => f.Options).Custom((options, ctx) =>
            {
                var form = ctx.InstanceToValidate;
                // Letters as the editor shows them: the row's position, empty rows included.
                var filled = options.Select((o, i) => (Option: o, Letter: (char)('A' + i))).Where(x => !string.IsNullOrWhiteSpace(x.Option.Text)).ToList();
                foreach (var (o, letter) in filled.Where(x => (x.Option.Feedback ?? "").Length > MaxFeedback))
                    ctx.AddFailure(OptionExtrasKey, L["选项 {0} 的反馈不能超过 {1} 个字", letter, MaxFeedback]);
                var multiple = form.Type == QuestionType.Multiple;
                foreach (var p in OptionWeights.Check(form.Type, filled.Select(x => (x.Option.Correct, x.Option.Weight)).ToList()))
                {
                    var letter = p.Option >= 0 ? filled[p.Option].Letter : ' ';
                    ctx.AddFailure(OptionExtrasKey, p.Kind switch
                    {
                        OptionWeightProblemKind.OutOfRange => L["选项 {0} 的分值应在 -100% 到 100% 之间", letter],
                        OptionWeightProblemKind.Missing => L["选项 {0} 没有填写分值：使用分值时每个选项都要填写", letter],
                        OptionWeightProblemKind.CorrectWithoutCredit => multiple ? L["选项 {0} 勾选为正确，分值应大于 0%", letter] : L["选项 {0} 勾选为正确，分值应为 100%", letter],
                        OptionWeightProblemKind.CreditNotMarkedCorrect => multiple ? L["选项 {0} 的分值大于 0%，应勾选为正确", letter] : L["选项 {0} 的分值为 100%，应勾选为正确", letter],
                        OptionWeightProblemKind.PositiveSum => L["多选题各选项的正分值之和应为 100%，现在是 {0}%", p.Sum.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)],
                        _ => L["单选题至少要有一个选项的分值为 100%"],
                    });
                }
            });
        });
        When(f => f.Type == QuestionType.TrueFalse, () =>
            RuleFor(f => f.TrueFalseAnswer).Must(a => a is "true" or "false").WithMessage(L["请选择正确或错误"]));
        When(f => f.Type == QuestionType.Fill, () =>
        {
            RuleFor(f => f.BlanksText).Must(t => QuestionForm.Lines(t).Count > 0).WithMessage(L["每个空至少填写一个可接受的答案"]);
            RuleFor(f => f.Stem).Must((f, s) => FillText.BlankNumbers(s ?? "").SequenceEqual(Enumerable.Range(1, QuestionForm.Lines(f.BlanksText).Count)))
                .WithMessage((f, s) => L["题干中应按顺序标出 {{{{1}}}} 到 {{{{{0}}}}} 共 {0} 个空，与答案行数一致", QuestionForm.Lines(f.BlanksText).Count].Value);
        });
        When(f => f.Type == QuestionType.Matching, () =>
        {
            RuleFor(f => f.Pairs).Must((f, p) => f.FilledPairs.Count() >= 2).WithMessage(L["至少填写两组配对"]);
            RuleFor(f => f.Pairs).Must((f, p) => f.FilledPairs.All(x => !string.IsNullOrWhiteSpace(x.Left) && !string.IsNullOrWhiteSpace(x.Right)))
                .WithMessage(L["每组配对的左右两项都要填写"]);
        });
        When(f => f.Type == QuestionType.Ordering, () =>
            RuleFor(f => f.ItemsText).Must(t => QuestionForm.Lines(t).Count >= 2 && QuestionForm.Lines(t).Distinct().Count() == QuestionForm.Lines(t).Count)
                .WithMessage(L["至少填写两个互不相同的排序项"]));
        When(f => f.Type == QuestionType.Essay, () =>
            RuleFor(f => f.Rubric).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(L["请填写评分要点"]));
        When(f => f.Type == QuestionType.Case, () =>
        {
            RuleFor(f => f.Scenario).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage(L["请填写案例情境"]);
            RuleFor(f => f.PartsYaml).Custom((yaml, ctx) =>
            {
                var parsed = CaseParts.Parse(yaml, ctx.InstanceToValidate.LessonId);
                foreach (var e in parsed.Errors) ctx.AddFailure(nameof(QuestionForm.PartsYaml), e);
                if (parsed.Errors.Count == 0 && parsed.Parts.Count == 0) ctx.AddFailure(nameof(QuestionForm.PartsYaml), L["至少填写一道小题"]);
            });
        });
    }
}
