namespace CertPlatform.Web.Data;

/// <summary>What a paper is for. Stored as text in <see cref="Paper.Kind"/>.</summary>
public static class PaperKind
{
    /// <summary>Counts towards a certificate.</summary>
    public const string Certification = "certification";
    /// <summary>Practice under exam conditions; never awards anything.</summary>
    public const string Mock = "mock";

    public static bool IsKnown(string? kind) => kind is Certification or Mock;
}
