using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// Copies the pure grading rules (<see cref="AttemptScoring"/>) onto the attempt's entities: the one
/// place the finish, grading and regrade use cases turn a score into an <see cref="AttemptItem"/> and
/// a total into the <see cref="Attempt"/>'s score, grading status and verdict.
/// </summary>
public static class AttemptGrading
{
    public static AttemptItem Grade(string attemptId, LaidOutQuestion l, Question q, string partId, Response? displayed)
    {
        var s = AttemptScoring.Score(l, q, displayed);
        return new AttemptItem
        {
            AttemptId = attemptId, QuestionRef = l.Ref, QuestionId = q.Id, Version = l.Version, Section = l.Section,
            LessonId = q.LessonId, PartId = partId, Points = l.Points,
            AutoScore = s.AutoScore, ManualMax = s.ManualMax, Answered = s.Answered, Correct = s.Correct,
        };
    }

    /// <summary>Sets the attempt's total, and the verdict once nothing waits for an examiner.</summary>
    public static void Total(Attempt a, IReadOnlyCollection<AttemptItem> items, DateTimeOffset now)
    {
        var total = AttemptScoring.Total(items.Select(i => new ScoredItem(i.Score, i.Points, i.NeedsManual)), a.PassMark);
        a.Score = total.Score;
        a.MaxScore = total.MaxScore;
        a.Grading = total.Final ? GradingStatus.Final : GradingStatus.AwaitingManual;
        a.Passed = total.Passed;
        a.GradedAt = now;
    }
}
