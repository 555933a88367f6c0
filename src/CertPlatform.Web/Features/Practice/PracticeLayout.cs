using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.Practice;

/// <summary>Option order of a practice question: one frozen layout per question view, reproducible from the set's seed.</summary>
public static class PracticeLayout
{
    public static LaidOutQuestion For(Question q, int version, int seed) =>
        AttemptLayout.Freeze([new PaperQuestion(q, version, 0, q.MaxScore)], shuffleQuestions: false, shuffleOptions: true, seed)[0];

    /// <summary>
    /// Score as a whole percentage; 100 only for full marks and 0 only for no points, so that
    /// <see cref="AnswerVerdicts.OfPercent"/> gives the verdict the feedback page showed for the grade.
    /// </summary>
    public static int Percent(Grade g) =>
        g.FullMarks ? 100 : g.Score <= 0 || g.Max <= 0 ? 0 : (int)Math.Clamp(Math.Floor(g.Score / g.Max * 100m), 1m, 99m);
}
