namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary><c>near-duplicate</c>: two questions of the same type asking the same thing with the same answer.</summary>
public sealed class NearDuplicateRule(LintThresholds thresholds) : IBankLintRule
{
    public const string RuleId = "near-duplicate";
    public const string Message = "与 {0} 几乎相同（相似度 {1}%）：同一张试卷里会互相泄露答案，也让题库显得比实际大";

    public string Id => RuleId;

    public IEnumerable<LintFinding> Check(IReadOnlyList<LintSubject> bank)
    {
        var items = bank.Select(s => s.Question).Select(q => (q, Text: Signature(q))).ToList();
        for (var i = 0; i < items.Count; i++)
        for (var j = 0; j < i; j++)
        {
            if (items[i].q.Type != items[j].q.Type || items[i].q.Id == items[j].q.Id) continue;
            var similarity = LintText.Similarity(items[i].Text, items[j].Text);
            if (similarity >= thresholds.NearDuplicatePercent)
            {
                yield return new(items[i].q.Id, Id, Message, [items[j].q.Id, similarity]);
                break;
            }
        }
    }

    /// <summary>What a question asks and what it accepts: the stem plus its key.</summary>
    public static string Signature(Question q) => q.Type switch
    {
        QuestionType.Single or QuestionType.Multiple => q.Stem + "|" + string.Join("|", q.Options.Where(o => o.Correct).Select(o => o.Text)),
        QuestionType.TrueFalse => q.Stem + "|" + q.TrueFalseAnswer,
        QuestionType.Fill => q.Stem + "|" + string.Join("|", q.Blanks.Select(b => b.FirstOrDefault() ?? "")),
        QuestionType.Matching => q.Stem + "|" + string.Join("|", q.Pairs.Select(p => p.Left + p.Right)),
        QuestionType.Ordering => q.Stem + "|" + string.Join("|", q.Items),
        QuestionType.Case => q.Scenario + "|" + q.Stem,
        _ => q.Stem,
    };
}
