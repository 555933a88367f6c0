using CertPlatform.Web.Features.QuestionBank.Formats;

namespace CertPlatform.Web.Features.QuestionBank;

public sealed record QuestionExportFile(byte[] Content, string ContentType, string FileName, int Written, IReadOnlyList<ExportSkip> Skipped)
{
    /// <summary>Questions written without their images (the format cannot carry images).</summary>
    public IReadOnlyList<ExportSkip> ImagesLeftOut { get; init; } = [];
}
