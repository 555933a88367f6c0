namespace CertPlatform.Web.Domain.Questions;

/// <summary>
/// How one answered question came out, as the trainee is told (practice feedback, the exam review, the practice summary).
/// The lower-case name is the page's word for it (<c>data-verdict</c>, the CSS class): see <see cref="AnswerVerdicts.Word"/>.
/// </summary>
public enum AnswerVerdict
{
    /// <summary>Full marks.</summary>
    Right,
    /// <summary>Some points, not all.</summary>
    Partial,
    /// <summary>No points.</summary>
    Wrong,
    /// <summary>An examiner still has to grade it (essays, case write-ups).</summary>
    Pending,
}
