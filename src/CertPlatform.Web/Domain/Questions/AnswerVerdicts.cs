namespace CertPlatform.Web.Domain.Questions;

/// <summary>The one rule turning a grade into a verdict (right, partial, wrong, or pending while an examiner grades).</summary>
public static class AnswerVerdicts
{
    /// <summary>Pending while an examiner still has to grade; otherwise right on full marks, partial on some points, wrong on none.</summary>
    public static AnswerVerdict Of(bool needsManual, bool fullMarks, decimal score) =>
        needsManual ? AnswerVerdict.Pending : fullMarks ? AnswerVerdict.Right : score > 0 ? AnswerVerdict.Partial : AnswerVerdict.Wrong;

    /// <summary>The verdict of a graded response (a question, or one part of a case).</summary>
    public static AnswerVerdict Of(Grade grade) => Of(grade.NeedsManualGrading, grade.FullMarks, grade.Score);

    /// <summary>
    /// The verdict of a score kept as a whole percentage (practice sets keep one per answered question): 100 is right,
    /// 1–99 partial, 0 wrong — so a grade's percentage must be 0 only for no points and 100 only for full marks.
    /// </summary>
    public static AnswerVerdict OfPercent(int percent) =>
        percent >= 100 ? AnswerVerdict.Right : percent > 0 ? AnswerVerdict.Partial : AnswerVerdict.Wrong;

    /// <summary>The page's word for the verdict ("right", "partial", "wrong", "pending"): data-verdict and the CSS class.</summary>
    public static string Word(this AnswerVerdict verdict) => verdict switch
    {
        AnswerVerdict.Right => "right",
        AnswerVerdict.Partial => "partial",
        AnswerVerdict.Wrong => "wrong",
        _ => "pending",
    };
}
