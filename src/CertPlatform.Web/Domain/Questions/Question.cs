namespace CertPlatform.Web.Domain.Questions;

/// <summary>
/// A question as authored: one type-specific payload is filled according to <see cref="Type"/>.
/// Pure data plus validation of its own shape; grading lives in <see cref="Grader"/>.
/// </summary>
public sealed record Question
{
    public required string Id { get; init; }
    public required QuestionType Type { get; init; }
    public required string Stem { get; init; }
    /// <summary>The question's name in the file it was imported from (GIFT title, Moodle name, QTI title), if any.</summary>
    public string? Title { get; init; }
    /// <summary>SHA-256 (hex) of an image shown with the stem; the bytes are stored once, content-addressed.</summary>
    public string? StemImage { get; init; }
    public string Explanation { get; init; } = "";
    public int Difficulty { get; init; } = 3;
    public string LessonId { get; init; } = "";
    public string? Anchor { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public QuestionStatus Status { get; init; } = QuestionStatus.Ready;
    /// <summary>Practice (default) or secure (certification only); not written to JSON when practice, so older JSON is unchanged.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public QuestionPool Pool { get; init; } = QuestionPool.Practice;
    /// <summary>Maximum score; 1 for objective items unless set, the rubric total for essays.</summary>
    public decimal Points { get; init; } = 1;

    public IReadOnlyList<ChoiceOption> Options { get; init; } = [];
    public bool? TrueFalseAnswer { get; init; }
    /// <summary>Accepted answers per blank, blank 1 first.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Blanks { get; init; } = [];
    public IReadOnlyList<MatchPair> Pairs { get; init; } = [];
    /// <summary>Items in the correct order.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];
    public string Rubric { get; init; } = "";
    public string Scenario { get; init; } = "";
    public IReadOnlyList<Question> Parts { get; init; } = [];
    /// <summary>Item-writing lint rules silenced on this question, each with a reason (null when none, so older JSON is unchanged).</summary>
    public IReadOnlyList<Lint.LintSilence>? LintIgnore { get; init; }

    /// <summary>Maximum score including case parts.</summary>
    public decimal MaxScore => Type == QuestionType.Case ? Parts.Sum(p => p.MaxScore) : Points;

    /// <summary>Problems with the question's own shape, as messages (empty when valid).</summary>
    public IReadOnlyList<string> Validate(bool isPart = false)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Stem)) errors.Add("stem is empty");
        if (Difficulty is < 1 or > 5) errors.Add("difficulty must be 1–5");
        if (Points <= 0) errors.Add("points must be positive");
        switch (Type)
        {
            case QuestionType.Single:
                if (Options.Count is < 2 or > 8) errors.Add("single choice needs 2–8 options");
                // Weighted options (imported from Moodle/GIFT) may give full credit to several answers, as Moodle allows.
                if (Options.All(o => o.Weight is null) ? Options.Count(o => o.Correct) != 1 : Options.Count(o => o.Correct) < 1)
                    errors.Add("single choice needs exactly one correct option");
                break;
            case QuestionType.Multiple:
                if (Options.Count is < 3 or > 10) errors.Add("multiple choice needs 3–10 options");
                if (Options.Count(o => o.Correct) < 1) errors.Add("multiple choice needs at least one correct option");
                break;
            case QuestionType.TrueFalse:
                if (TrueFalseAnswer is null) errors.Add("true/false needs an answer");
                break;
            case QuestionType.Fill:
                if (Blanks.Count == 0) errors.Add("fill-in needs at least one blank");
                if (Blanks.Any(b => b.Count == 0 || b.Any(a => AnswerNormalizer.Normalize(a).Length == 0)))
                    errors.Add("every blank needs at least one non-empty accepted answer");
                if (FillText.BlankNumbers(Stem) is var marks && !marks.SequenceEqual(Enumerable.Range(1, Blanks.Count)))
                    errors.Add($"the stem must mark blanks {{{{1}}}}…{{{{{Blanks.Count}}}}} in order, one per blank");
                break;
            case QuestionType.Matching:
                if (Pairs.Count is < 2 or > 10) errors.Add("matching needs 2–10 pairs");
                if (Pairs.Select(p => p.Left).Distinct().Count() != Pairs.Count || Pairs.Select(p => p.Right).Distinct().Count() != Pairs.Count)
                    errors.Add("matching sides must be distinct");
                break;
            case QuestionType.Ordering:
                if (Items.Count is < 2 or > 10) errors.Add("ordering needs 2–10 items");
                if (Items.Distinct().Count() != Items.Count) errors.Add("ordering items must be distinct");
                break;
            case QuestionType.Essay:
                // A draft may lack its rubric (an imported essay without one); it needs one before it is ready.
                if (string.IsNullOrWhiteSpace(Rubric) && Status != QuestionStatus.Draft) errors.Add("essay needs a rubric");
                break;
            case QuestionType.Case:
                if (isPart) errors.Add("a case part cannot itself be a case");
                if (string.IsNullOrWhiteSpace(Scenario)) errors.Add("case needs a scenario");
                if (Parts.Count < 1) errors.Add("case needs sub-questions");
                foreach (var p in Parts)
                    errors.AddRange(p.Validate(isPart: true).Select(e => $"part {p.Id}: {e}"));
                break;
        }
        if (Type is QuestionType.Single or QuestionType.Multiple &&
            Options.Select(o => OptionKey(o.Text)).Distinct(StringComparer.Ordinal).Count() != Options.Count)
            errors.Add("options must be distinct");
        return errors;
    }

    /// <summary>
    /// What makes two options the same: their text trimmed, in NFKC (full-width = half-width) and ignoring case.
    /// Not the fill-in normaliser: options made of punctuation ("{", "}", ":") are different options.
    /// </summary>
    public static string OptionKey(string text) => text.Trim().Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant();
}
