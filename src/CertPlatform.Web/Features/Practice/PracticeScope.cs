namespace CertPlatform.Web.Features.Practice;

public static class PracticeScope
{
    public const string Lesson = "lesson";
    public const string Part = "part";
    /// <summary>Open entries of the mistake notebook (all, or one lesson's when the scope id names a lesson).</summary>
    public const string Mistakes = "mistakes";
}
