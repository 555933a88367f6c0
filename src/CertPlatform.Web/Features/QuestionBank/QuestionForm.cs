using CertPlatform.Web.Domain.Questions;
using FluentValidation;

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

    public List<QuestionOptionRow> Options { get; set; } = [];
    public string? TrueFalseAnswer { get; set; }
    /// <summary>One line per blank; alternatives on a line separated by '|'.</summary>
    public string BlanksText { get; set; } = "";
    public List<QuestionPairRow> Pairs { get; set; } = [];
    /// <summary>One item per line, in the correct order.</summary>
    public string ItemsText { get; set; } = "";
    public string Rubric { get; set; } = "";
    public string Scenario { get; set; } = "";
    /// <summary>Case sub-questions in the content/questions YAML syntax (a list under no key).</summary>
    public string PartsYaml { get; set; } = "";
    /// <summary>Silenced item-writing lint rules, one per line: "rule: reason" (docs/item-writing.md).</summary>
    public string LintIgnoreText { get; set; } = "";

    public IEnumerable<QuestionOptionRow> FilledOptions => Options.Where(o => !string.IsNullOrWhiteSpace(o.Text));
    public IEnumerable<QuestionPairRow> FilledPairs => Pairs.Where(p => !string.IsNullOrWhiteSpace(p.Left) || !string.IsNullOrWhiteSpace(p.Right));

    // A field posted empty binds as null (MVC's ConvertEmptyStringToNull), whatever the property's default.
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Replace("\r\n", "\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static IReadOnlyList<string> SplitTags(string? text) =>
        (text ?? "").Split([',', '，', '、', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();

    /// <summary>Pads the repeatable rows so the form always offers empty ones to fill.</summary>
    public QuestionForm WithSpareRows()
    {
        while (Options.Count < OptionRows) Options.Add(new QuestionOptionRow());
        while (Pairs.Count < PairRows) Pairs.Add(new QuestionPairRow());
        return this;
    }

    public static QuestionForm From(Question q, int baseVersion) => new QuestionForm
    {
        Id = q.Id, BaseVersion = baseVersion, LessonId = q.LessonId, Anchor = q.Anchor, Type = q.Type, Difficulty = q.Difficulty,
        Tags = string.Join("、", q.Tags), Status = q.Status, Pool = q.Pool, Stem = q.Stem, Explanation = q.Explanation, Points = q.Points,
        StemImage = q.StemImage,
        Options = q.Options.Select(o => new QuestionOptionRow { Text = o.Text, Correct = o.Correct, Image = o.Image, Feedback = o.Feedback, Weight = o.Weight }).ToList(),
        TrueFalseAnswer = q.TrueFalseAnswer?.ToString().ToLowerInvariant(),
        BlanksText = string.Join("\n", q.Blanks.Select(b => string.Join(" | ", b))),
        Pairs = q.Pairs.Select(p => new QuestionPairRow { Left = p.Left, Right = p.Right }).ToList(),
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
            string.IsNullOrWhiteSpace(o.Feedback) ? null : o.Feedback.Trim(), o.Weight)).ToList() : [],
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
