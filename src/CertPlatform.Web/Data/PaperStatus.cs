namespace CertPlatform.Web.Data;

/// <summary>Whether trainees can see a paper. Stored as text in <see cref="Paper.Status"/>.</summary>
public static class PaperStatus
{
    public const string Draft = "draft";
    public const string Published = "published";

    public static bool IsKnown(string? status) => status is Draft or Published;
}
