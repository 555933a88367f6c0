namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>An image carried by an imported file (or written to an export): its SHA-256 (hex), sniffed type, safe file name and bytes.</summary>
public sealed record ImportedImage(string Sha256, string ContentType, string FileName, byte[] Bytes)
{
    /// <summary>The file name an export writes: the first 16 hex digits of the hash and the type's extension.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ExportName => Sha256[..16] + FormatImages.Extension(ContentType);
}
