namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// One finding of <see cref="QtiSchemaValidator"/>: the file (inside the package, or a schema file of the folder), the
/// 1-based line and column (0 when the problem concerns the file as a whole) and the message. A warning is printed
/// but does not fail the check.
/// </summary>
public sealed record QtiSchemaProblem(string File, int Line, int Column, ImportText Text, bool Warning = false)
{
    /// <summary>"file:line:column: message" in the localizer's culture (Chinese without one).</summary>
    public string Localize(Microsoft.Extensions.Localization.IStringLocalizer? localizer)
    {
        var message = localizer is null ? Text.ToString() : Text.Localize(localizer);
        return Line > 0 ? $"{File}:{Line}:{Column}: {message}" : $"{File}: {message}";
    }

    public override string ToString() => Localize(null);
}
