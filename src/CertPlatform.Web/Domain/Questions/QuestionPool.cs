namespace CertPlatform.Web.Domain.Questions;

/// <summary>
/// Where a question may be used. <see cref="Practice"/> questions serve lessons, practice, mock papers and the
/// mistake notebook, and their keys are shown after practice; <see cref="Secure"/> questions are reserved for
/// certification papers, and their keys and explanations are never shown outside an examiner's view.
/// </summary>
public enum QuestionPool
{
    Practice = 0,
    Secure = 1,
}
