namespace CertPlatform.Web.Features.Admin;

/// <summary>
/// The outcome, the form's errors by field ("" for errors of the whole form) when invalid, and for a created user the
/// initial password to show once.
/// </summary>
public sealed record SaveUserResult(SaveUserOutcome Outcome, IReadOnlyDictionary<string, string[]> Errors, InitialPassword? Password = null)
{
    public static SaveUserResult Saved(InitialPassword? password = null) => new(SaveUserOutcome.Saved, new Dictionary<string, string[]>(), password);
    public static readonly SaveUserResult NotFound = new(SaveUserOutcome.NotFound, new Dictionary<string, string[]>());
    public static SaveUserResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(SaveUserOutcome.Invalid, errors);
}
