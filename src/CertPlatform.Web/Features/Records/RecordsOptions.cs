namespace CertPlatform.Web.Features.Records;

/// <summary>Configuration section "Records".</summary>
public sealed class RecordsOptions
{
    public const string Section = "Records";
    /// <summary>A ZIP of at most this many certificates streams straight to the browser; larger ones are built in the background.</summary>
    public int DirectZipLimit { get; set; } = 500;
    /// <summary>
    /// Where background ZIPs and their job state are written until downloaded (relative to the content root, like the
    /// database). Several instances must share this folder (a network or cluster file system) so that any of them shows
    /// a job's progress and serves its download.
    /// </summary>
    public string ExportFolder { get; set; } = "data/exports";
}
