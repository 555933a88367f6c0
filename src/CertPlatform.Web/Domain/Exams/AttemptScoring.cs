using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Domain.Exams;

/// <summary>
/// Grades an attempt's answers against the question versions it pinned, as pure functions. Scores are
/// scaled from the question's own points to the points the paper gives it (rounded to 0.01, halves
/// away from zero). Essay parts (alone or inside a case) are left for an examiner:
/// <see cref="QuestionScore.ManualMax"/> is what they can award. The verdict exists only once nothing
/// waits for an examiner. Callers (the use cases) copy the results onto their entities.
/// </summary>
public static class AttemptScoring
{
    public static QuestionScore Score(LaidOutQuestion l, Question q, Response? displayed)
    {
        var answered = displayed is not null && !ResponseJson.IsBlank(displayed);
        var grade = Grader.Grade(q, answered ? AttemptLayout.ToAuthored(q, l, displayed!) : Response.Empty);
        var scale = grade.Max > 0 ? l.Points / grade.Max : 0m;
        var manualRaw = q.Type switch
        {
            QuestionType.Essay => grade.Max,
            QuestionType.Case => grade.Parts.Where(p => p.NeedsManualGrading).Sum(p => p.Max),
            _ => 0m,
        };
        return new QuestionScore(
            AutoScore: Scale(grade.Score, scale),
            ManualMax: Scale(manualRaw, scale),
            Answered: answered,
            Correct: answered && grade.Score == grade.Max - manualRaw && (grade.Max - manualRaw) > 0);
    }

    public static AttemptTotal Total(IEnumerable<ScoredItem> items, decimal passMark)
    {
        var list = items.ToList();
        var score = list.Sum(i => i.Score);
        var final = list.All(i => !i.NeedsManual);
        return new AttemptTotal(score, list.Sum(i => i.Points), final, final ? score >= passMark : null);
    }

    private static decimal Scale(decimal raw, decimal scale) => Math.Round(raw * scale, 2, MidpointRounding.AwayFromZero);
}
