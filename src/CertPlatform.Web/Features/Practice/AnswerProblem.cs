namespace CertPlatform.Web.Features.Practice;

public enum AnswerProblem
{
    /// <summary>Nothing was answered (use "不会，看答案" to see the key).</summary>
    Unanswered,
    /// <summary>Ordering: some places were given, but not each place exactly once.</summary>
    OrderIncomplete,
}
