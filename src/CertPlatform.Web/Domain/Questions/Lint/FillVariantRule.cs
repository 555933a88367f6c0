namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary>
/// <c>fill-variant</c>: a blank's accepted answers must include the obvious variants of each answer —
/// without 的 ("服务的价值" → "服务价值") and in the textbook's own wording where lessons changed it.
/// </summary>
public sealed class FillVariantRule(IReadOnlyList<WordingPair> wording) : IQuestionLintRule
{
    public const string RuleId = "fill-variant";
    public const string Message = "第 {0} 空的答案“{1}”缺少明显的变体“{2}”：写出同样正确答案的考生会被判错";

    /// <summary>Words in which 的 is part of the word, not the particle.</summary>
    private static readonly string[] WordsWithDe = ["目的", "的确", "的士", "有的放矢", "端的"];

    public string Id => RuleId;

    public IEnumerable<LintFinding> Check(Question question)
    {
        if (question.Type != QuestionType.Fill) yield break;
        for (var i = 0; i < question.Blanks.Count; i++)
        {
            var accepted = question.Blanks[i].Select(AnswerNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);
            foreach (var answer in question.Blanks[i])
            foreach (var variant in Variants(answer).Distinct(StringComparer.Ordinal))
                if (AnswerNormalizer.Normalize(variant) is { Length: > 0 } v && !accepted.Contains(v))
                    yield return new(question.Id, Id, Message, [i + 1, answer, variant]);
        }
    }

    private IEnumerable<string> Variants(string answer)
    {
        if (answer.Contains('的') && LintText.Length(answer) > 2)
        {
            var masked = WordsWithDe.Aggregate(answer, (s, w) => s.Replace(w, w.Replace('的', '\u0001'), StringComparison.Ordinal));
            if (masked.Contains('的')) yield return masked.Replace("的", "", StringComparison.Ordinal).Replace('\u0001', '的');
        }
        foreach (var pair in wording)
            if (pair.Lesson.Length > 0 && answer.Contains(pair.Lesson, StringComparison.Ordinal))
                yield return answer.Replace(pair.Lesson, pair.Textbook, StringComparison.Ordinal);
    }
}
