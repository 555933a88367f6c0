namespace CertPlatform.Web.Features.Practice;

/// <summary>Starts a set: exactly one of a lesson, a part, or the mistake notebook ("all" or a lesson id).</summary>
public sealed class StartPracticeForm
{
    public string? Lesson { get; set; }
    public string? Part { get; set; }
    public string? Mistakes { get; set; }

    public const string AllMistakes = "all";
}
