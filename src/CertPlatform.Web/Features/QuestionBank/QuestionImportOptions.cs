namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>Configuration section "QuestionImport".</summary>
public sealed class QuestionImportOptions
{
    public const string Section = "QuestionImport";

    /// <summary>
    /// A file larger than this many bytes is read and checked in the background while the examiner sees "question N of M"
    /// on a status page; smaller files go straight to the preview within the upload request. 0 sends every file to the background.
    /// </summary>
    public long BackgroundAboveBytes { get; set; } = 512 * 1024;
}
