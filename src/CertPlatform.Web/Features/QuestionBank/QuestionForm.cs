using System.Globalization;
using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Questions;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// The examiner's question form: flat fields that bind from a plain HTML form (no JavaScript needed),
/// mapped to and from the domain <see cref="Question"/>.
/// </summary>
public sealed class QuestionForm
{
    public const int OptionRows = 8;
    public const int PairRows = 8;

    public string Id { get; set; } = "";
    public int BaseVersion { get; set; }
    public string LessonId { get; set; } = "";
    public string? Anchor { get; set; }
    public QuestionType Type { get; set; } = QuestionType.Single;
    public int Difficulty { get; set; } = 3;
    public string Tags { get; set; } = "";
    public QuestionStatus Status { get; set; } = QuestionStatus.Draft;
    /// <summary>Practice (default) or secure: certification papers draw only secure questions, whose keys trainees never see.</summary>
    public QuestionPool Pool { get; set; } = QuestionPool.Practice;
    public string Stem { get; set; } = "";
    public string Explanation { get; set; } = "";
    public decimal Points { get; set; } = 1;
    public string Note { get; set; } = "";
    public string? StemImage { get; set; }
    public IFormFile? StemImageFile { get; set; }
    public bool RemoveStemImage { get; set; }

    public List<OptionRow> Options { get; set; } = [];
    public string? TrueFalseAnswer { get; set; }
    /// <summary>One line per blank; alternatives on a line separated by '|'.</summary>
    public string BlanksText { get; set; } = "";
    public List<PairRow> Pairs { get; set; } = [];
    /// <summary>One item per line, in the correct order.</summary>
    public string ItemsText { get; set; } = "";
    public string Rubric { get; set; } = "";
    public string Scenario { get; set; } = "";
    /// <summary>Case sub-questions in the content/questions YAML syntax (a list under no key).</summary>
    public string PartsYaml { get; set; } = "";
    /// <summary>Silenced item-writing lint rules, one per line: "rule: reason" (docs/item-writing.md).</summary>
    public string LintIgnoreText { get; set; } = "";

    public sealed class OptionRow
    {
        public string Text { get; set; } = "";
        public bool Correct { get; set; }
        public string? Image { get; set; }
        public IFormFile? ImageFile { get; set; }
        public bool RemoveImage { get; set; }
        /// <summary>Imported per-option feedback and weight, carried through an edit unchanged (hidden fields).</summary>
        public string? Feedback { get; set; }
        public decimal? Weight { get; set; }
    }

    public sealed class PairRow
    {
        public string Left { get; set; } = "";
        public string Right { get; set; } = "";
    }

    public IEnumerable<OptionRow> FilledOptions => Options.Where(o => !string.IsNullOrWhiteSpace(o.Text));
    public IEnumerable<PairRow> FilledPairs => Pairs.Where(p => !string.IsNullOrWhiteSpace(p.Left) || !string.IsNullOrWhiteSpace(p.Right));

    // A field posted empty binds as null (MVC's ConvertEmptyStringToNull), whatever the property's default.
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Replace("\r\n", "\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static IReadOnlyList<string> SplitTags(string? text) =>
        (text ?? "").Split([',', '，', '、', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();

    /// <summary>Pads the repeatable rows so the form always offers empty ones to fill.</summary>
    public QuestionForm WithSpareRows()
    {
        while (Options.Count < OptionRows) Options.Add(new OptionRow());
        while (Pairs.Count < PairRows) Pairs.Add(new PairRow());
        return this;
    }

    public static QuestionForm From(Question q, int baseVersion) => new QuestionForm
    {
        Id = q.Id, BaseVersion = baseVersion, LessonId = q.LessonId, Anchor = q.Anchor, Type = q.Type, Difficulty = q.Difficulty,
        Tags = string.Join("、", q.Tags), Status = q.Status, Pool = q.Pool, Stem = q.Stem, Explanation = q.Explanation, Points = q.Points,
        StemImage = q.StemImage,
        Options = q.Options.Select(o => new OptionRow { Text = o.Text, Correct = o.Correct, Image = o.Image, Feedback = o.Feedback, Weight = o.Weight }).ToList(),
        TrueFalseAnswer = q.TrueFalseAnswer?.ToString().ToLowerInvariant(),
        BlanksText = string.Join("\n", q.Blanks.Select(b => string.Join(" | ", b))),
        Pairs = q.Pairs.Select(p => new PairRow { Left = p.Left, Right = p.Right }).ToList(),
        ItemsText = string.Join("\n", q.Items), Rubric = q.Rubric, Scenario = q.Scenario,
        PartsYaml = q.Parts.Count == 0 ? "" : CaseParts.ToYaml(q.Parts),
        LintIgnoreText = string.Join("\n", (q.LintIgnore ?? []).Select(s => $"{s.Rule}: {s.Reason}")),
    }.WithSpareRows();

    /// <summary>The domain question this form describes (call after validation).</summary>
    public Question ToQuestion() => new()
    {
        Id = Id.Trim(), Type = Type, Stem = Stem.Trim(), StemImage = RemoveStemImage || string.IsNullOrWhiteSpace(StemImage) ? null : StemImage, Explanation = Explanation.Trim(), Difficulty = Difficulty,
        LessonId = LessonId, Anchor = string.IsNullOrWhiteSpace(Anchor) ? null : Anchor.Trim(), Tags = SplitTags(Tags), Status = Status, Pool = Pool,
        Points = Type == QuestionType.Case ? 1 : Points,
        Options = Type is QuestionType.Single or QuestionType.Multiple ? FilledOptions.Select(o => new ChoiceOption(o.Text.Trim(), o.Correct, o.RemoveImage || string.IsNullOrWhiteSpace(o.Image) ? null : o.Image,
            string.IsNullOrEmpty(o.Feedback) ? null : o.Feedback, o.Weight)).ToList() : [],
        TrueFalseAnswer = Type == QuestionType.TrueFalse && bool.TryParse(TrueFalseAnswer, out var tf) ? tf : null,
        Blanks = Type == QuestionType.Fill
            ? Lines(BlanksText).Select(l => (IReadOnlyList<string>)l.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList()
            : [],
        Pairs = Type == QuestionType.Matching ? FilledPairs.Select(p => new MatchPair(p.Left.Trim(), p.Right.Trim())).ToList() : [],
        Items = Type == QuestionType.Ordering ? Lines(ItemsText) : [],
        Rubric = Type == QuestionType.Essay ? Rubric.Trim() : "",
        Scenario = Type == QuestionType.Case ? Scenario.Trim() : "",
        Parts = Type == QuestionType.Case ? CaseParts.Parse(PartsYaml, LessonId).Parts : [],
        LintIgnore = Lines(LintIgnoreText) is { Count: > 0 } silences ? silences.Select(ParseSilence).ToList() : null,
    };

    /// <summary>"rule: reason" (a missing reason is kept empty; the lint reports it).</summary>
    private static Domain.Questions.Lint.LintSilence ParseSilence(string line)
    {
        var kv = line.Split([':', '：'], 2, StringSplitOptions.TrimEntries);
        return new(kv[0], kv.Length > 1 ? kv[1] : "");
    }
}

/// <summary>Case sub-questions edited as YAML in the same syntax as content/questions.</summary>
public static class CaseParts
{
    public sealed record Result(IReadOnlyList<Question> Parts, IReadOnlyList<string> Errors);

    public static Result Parse(string yaml, string lessonId)
    {
        var indented = string.Join("\n", (yaml ?? "").Replace("\r\n", "\n").Split('\n').Select(l => "    " + l));
        var text = $"lesson: {lessonId}\nquestions:\n  - id: case-holder\n    type: case\n    difficulty: 3\n    anchor: holder\n    stem: holder\n    scenario: holder\n    explanation: holder\n    parts:\n{indented}\n";
        var parsed = QuestionFileParser.Parse("parts", text);
        var errors = parsed.Errors.Select(e => e.Line > 10 ? $"第 {e.Line - 10} 行：{e.Message}" : e.Message).ToList();
        return new Result(parsed.Questions.SingleOrDefault()?.Question.Parts ?? [], errors);
    }

    public static string ToYaml(IReadOnlyList<Question> parts)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var p in parts)
        {
            sb.Append("- id: ").AppendLine(p.Id);
            sb.Append("  type: ").AppendLine(p.Type.ToString().ToLowerInvariant());
            sb.Append("  stem: ").AppendLine(Quote(p.Stem));
            if (p.Explanation.Length > 0) sb.Append("  explanation: ").AppendLine(Quote(p.Explanation));
            if (p.Anchor is not null) sb.Append("  anchor: ").AppendLine(p.Anchor);
            if (p.Points != 1) sb.Append("  points: ").AppendLine(p.Points.ToString(CultureInfo.InvariantCulture));
            switch (p.Type)
            {
                case QuestionType.Single or QuestionType.Multiple:
                    sb.AppendLine("  options:");
                    foreach (var o in p.Options) sb.Append("  - text: ").AppendLine(Quote(o.Text)).Append(o.Correct ? "    correct: true\n" : "");
                    break;
                case QuestionType.TrueFalse:
                    sb.Append("  answer: ").AppendLine(p.TrueFalseAnswer == true ? "true" : "false");
                    break;
                case QuestionType.Fill:
                    sb.AppendLine("  blanks:");
                    foreach (var b in p.Blanks) sb.Append("  - [").Append(string.Join(", ", b.Select(Quote))).AppendLine("]");
                    break;
                case QuestionType.Matching:
                    sb.AppendLine("  pairs:");
                    foreach (var pair in p.Pairs) sb.Append("  - left: ").AppendLine(Quote(pair.Left)).Append("    right: ").AppendLine(Quote(pair.Right));
                    break;
                case QuestionType.Ordering:
                    sb.AppendLine("  items:");
                    foreach (var i in p.Items) sb.Append("  - ").AppendLine(Quote(i));
                    break;
                case QuestionType.Essay:
                    sb.Append("  rubric: ").AppendLine(Quote(p.Rubric));
                    break;
            }
        }
        return sb.ToString();
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
}

public sealed class QuestionFormValidator : AbstractValidator<QuestionForm>
{
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
            RuleFor(f => f.Options).Must((f, o) => f.Type != QuestionType.Single || f.FilledOptions.Count(x => x.Correct) == 1)
                .WithMessage(L["单选题必须且只能有一个正确选项"]);
            RuleFor(f => f.Options).Must((f, o) => f.Type != QuestionType.Multiple || f.FilledOptions.Any(x => x.Correct))
                .WithMessage(L["多选题至少要有一个正确选项"]);
            RuleFor(f => f.Options).Must(o => !o.Any(x => x.Correct && string.IsNullOrWhiteSpace(x.Text)))
                .WithMessage(L["勾选为正确的选项不能为空"]);
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
