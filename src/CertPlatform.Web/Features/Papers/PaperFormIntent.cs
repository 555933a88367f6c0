namespace CertPlatform.Web.Features.Papers;

/// <summary>
/// The buttons of the paper form (posted as "intent"): <see cref="Check"/> shows whether the bank can fill the
/// blueprint as typed and adds blank section rows; <see cref="Save"/> saves. Anything else re-shows the form like Check.
/// </summary>
public static class PaperFormIntent
{
    public const string Check = "check";
    public const string Save = "save";

    public static bool IsSave(string? intent) => intent == Save;
}
