using CertPlatform.Web.Domain.Questions;
using FluentValidation;
using Microsoft.Extensions.Localization;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.Web.Features.Practice;

/// <summary>Starts a set: exactly one of a lesson, a part, or the mistake notebook ("all" or a lesson id).</summary>
public sealed class StartPracticeForm
{
    public string? Lesson { get; set; }
    public string? Part { get; set; }
    public string? Mistakes { get; set; }

    public const string AllMistakes = "all";
}

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

/// <summary>
/// One answer as the practice page posts it, in displayed positions. Case parts are in the
/// question's part order. Works as a plain HTML form (no JavaScript).
/// </summary>
public sealed class PracticeAnswerForm
{
    public const int MaxTokenLength = 8000;
    public const int MaxBlankLength = 50;

    /// <summary>The sealed practice state the question page was rendered from.</summary>
    public string S { get; set; } = "";
    /// <summary>"不会，看答案": show the answer, counted as wrong.</summary>
    public bool GiveUp { get; set; }
    public ItemAnswer Answer { get; set; } = new();
}

public sealed class ItemAnswer
{
    /// <summary>Single/multiple choice: displayed option positions.</summary>
    public List<int> Selected { get; set; } = [];
    /// <summary>"true" or "false".</summary>
    public string? TrueFalse { get; set; }
    public List<string?> Blanks { get; set; } = [];
    /// <summary>Per left item (authored order): displayed position of the chosen right item, -1 for none.</summary>
    public List<int> Matches { get; set; } = [];
    /// <summary>Ordering: per displayed item, the place (1 = first) the trainee gave it, 0 for none.</summary>
    public List<int> Ranks { get; set; } = [];
    public List<ItemAnswer> Parts { get; set; } = [];
}

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

public enum AnswerProblem
{
    /// <summary>Nothing was answered (use "不会，看答案" to see the key).</summary>
    Unanswered,
    /// <summary>Ordering: some places were given, but not each place exactly once.</summary>
    OrderIncomplete,
}

/// <summary>
/// Turns the posted form into a <see cref="Response"/> in displayed positions for the question as
/// shown (<see cref="QuestionView"/>). Out-of-range positions are dropped, so a tampered form can
/// only make an answer wrong.
/// </summary>
public static class PracticeAnswerMapper
{
    public sealed record Mapped(Response Response, IReadOnlyList<AnswerProblem> Problems, bool Blank);

    public static Mapped ToResponse(QuestionView q, ItemAnswer a)
    {
        var problems = new List<AnswerProblem>();
        var (response, blank) = Map(q, a, problems);
        if (blank) problems.Insert(0, AnswerProblem.Unanswered);
        return new Mapped(response, problems.Distinct().ToList(), blank);
    }

    private static (Response Response, bool Blank) Map(QuestionView q, ItemAnswer a, List<AnswerProblem> problems)
    {
        switch (q.Type)
        {
            case "single":
            case "multiple":
            {
                var chosen = a.Selected.Where(d => d >= 0 && d < q.Options.Count).Distinct().Order().ToList();
                if (q.Type == "single" && chosen.Count > 1) chosen = [];
                return (new Response { Selected = chosen }, chosen.Count == 0);
            }
            case "trueFalse":
            {
                bool? tf = a.TrueFalse switch { "true" => true, "false" => false, _ => null };
                return (new Response { TrueFalse = tf }, tf is null);
            }
            case "fill":
            {
                var blanks = Enumerable.Range(0, q.Blanks).Select(i => i < a.Blanks.Count ? (a.Blanks[i] ?? "").Trim() : "").ToList();
                return (new Response { Blanks = blanks }, blanks.All(b => b.Length == 0));
            }
            case "matching":
            {
                var matches = Enumerable.Range(0, q.Left.Count)
                    .Select(i => i < a.Matches.Count && a.Matches[i] >= 0 && a.Matches[i] < q.Right.Count ? a.Matches[i] : -1).ToList();
                return (new Response { Matches = matches }, matches.All(m => m < 0));
            }
            case "ordering":
            {
                var n = q.Items.Count;
                var ranks = Enumerable.Range(0, n).Select(d => d < a.Ranks.Count && a.Ranks[d] >= 1 && a.Ranks[d] <= n ? a.Ranks[d] : 0).ToList();
                if (ranks.All(r => r == 0)) return (Response.Empty, true);
                if (ranks.Any(r => r == 0) || ranks.Distinct().Count() != n)
                {
                    problems.Add(AnswerProblem.OrderIncomplete);
                    return (Response.Empty, false);
                }
                return (new Response { Order = Enumerable.Range(0, n).OrderBy(d => ranks[d]).ToList() }, false);
            }
            case "case":
            {
                var parts = new Dictionary<string, Response>();
                var allBlank = true;
                for (var i = 0; i < q.Parts.Count; i++)
                {
                    var (r, b) = Map(q.Parts[i], i < a.Parts.Count ? a.Parts[i] : new ItemAnswer(), problems);
                    parts[q.Parts[i].Id] = r;
                    allBlank &= b;
                }
                return (new Response { Parts = parts }, allBlank);
            }
            default:
                return (Response.Empty, true);
        }
    }
}
