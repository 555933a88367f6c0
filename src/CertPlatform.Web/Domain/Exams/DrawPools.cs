using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Domain.Exams;

/// <summary>
/// Which pool a paper draws from: certification papers only from the secure pool (their keys are never
/// practised or revealed), every other paper — mock exams — and practice only from the practice pool.
/// </summary>
public static class DrawPools
{
    public static QuestionPool ForPaper(bool certification) => certification ? QuestionPool.Secure : QuestionPool.Practice;

    /// <summary>True when a question of <paramref name="pool"/> may appear on such a paper (also a fixed paper's list).</summary>
    public static bool Allows(bool certification, QuestionPool pool) => pool == ForPaper(certification);
}
