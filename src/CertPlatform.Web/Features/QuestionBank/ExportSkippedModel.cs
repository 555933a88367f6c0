namespace CertPlatform.Web.Features.QuestionBank;

public sealed record ExportSkippedModel(BankFormat Format, int Written, IReadOnlyList<Formats.ExportSkip> Skipped, string DownloadUrl)
{
    /// <summary>Written questions whose images the format cannot carry.</summary>
    public IReadOnlyList<Formats.ExportSkip> ImagesLeftOut { get; init; } = [];
}
