namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>Caps for images read from an interchange file: per image and for the whole file, in bytes.</summary>
public sealed record ImageLimits(long MaxImageBytes, long MaxImportBytes)
{
    public static readonly ImageLimits Default = new(QuestionImages.MaxBytes, 32L * 1024 * 1024);
}
