namespace CertPlatform.Web.Features.Practice;

/// <summary>
/// One answer as the practice page posts it, in displayed positions. Case parts are in the
/// question's part order. Works as a plain HTML form (no JavaScript).
/// </summary>
public sealed class PracticeAnswerForm
{
    public const int MaxTokenLength = 8000;
    public const int MaxBlankLength = 50;

    /// <summary>The sealed practice state the question page was rendered from.</summary>
    public string S { get; set; } = "";
    /// <summary>"不会，看答案": show the answer, counted as wrong.</summary>
    public bool GiveUp { get; set; }
    public ItemAnswer Answer { get; set; } = new();
}
