namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>What <see cref="QtiSchemaValidator.Validate"/> found: the XML files it checked and every problem.</summary>
public sealed record QtiSchemaReport(IReadOnlyList<string> FilesChecked, IReadOnlyList<QtiSchemaProblem> Problems)
{
    /// <summary>True when no problem is an error (warnings allowed) and at least one file was checked.</summary>
    public bool Valid => FilesChecked.Count > 0 && Problems.All(p => p.Warning);
}
