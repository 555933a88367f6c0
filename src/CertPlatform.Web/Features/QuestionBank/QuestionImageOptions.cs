namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// Configuration section "QuestionImages": size caps for images uploaded in the question editor and carried by imported
/// files (Moodle XML embedded files, QTI package resources). Checked at start-up.
/// </summary>
public sealed class QuestionImageOptions
{
    public const string Section = "QuestionImages";

    /// <summary>Largest single image, in bytes: an editor upload or an image in an imported file (default 1 MB).</summary>
    public long MaxImageBytes { get; set; } = QuestionImages.MaxBytes;

    /// <summary>Largest total of all images in one imported file, in bytes (default 32 MB).</summary>
    public long MaxImportBytes { get; set; } = 32L * 1024 * 1024;

    public Formats.ImageLimits Limits => new(MaxImageBytes, MaxImportBytes);

    /// <summary>A size as people read it: whole megabytes as "N MB", otherwise kilobytes rounded down ("N KB").</summary>
    public static string SizeText(long bytes) => bytes % (1024 * 1024) == 0
        ? $"{bytes / (1024 * 1024)} MB"
        : $"{Math.Max(1, bytes / 1024)} KB";
}
