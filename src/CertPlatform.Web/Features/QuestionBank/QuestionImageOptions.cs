namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// Configuration section "QuestionImages": size caps for images carried by imported files (Moodle XML embedded files,
/// QTI package resources). Checked at start-up.
/// </summary>
public sealed class QuestionImageOptions
{
    public const string Section = "QuestionImages";

    /// <summary>Largest single image in an imported file, in bytes (default 1 MB, the editor's upload limit).</summary>
    public long MaxImageBytes { get; set; } = QuestionImages.MaxBytes;

    /// <summary>Largest total of all images in one imported file, in bytes (default 32 MB).</summary>
    public long MaxImportBytes { get; set; } = 32L * 1024 * 1024;

    public Formats.ImageLimits Limits => new(MaxImageBytes, MaxImportBytes);
}
