namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// The buttons of the exam page's form (posted as "intent", the no-JavaScript path): <see cref="Save"/> saves every changed
/// answer and shows the page again; <see cref="Submit"/> saves them and then finishes the attempt. Anything else is a save.
/// </summary>
public static class ExamFormIntent
{
    public const string Save = "save";
    public const string Submit = "submit";

    public static bool IsSubmit(string? intent) => intent == Submit;
}
