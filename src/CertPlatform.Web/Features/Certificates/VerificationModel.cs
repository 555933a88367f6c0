namespace CertPlatform.Web.Features.Certificates;

/// <summary>
/// What the public verification page and its JSON tell about a certificate. Dates are days of the display zone and are
/// the same facts the PDF prints (ValidUntil is the printed 有效期至, the last valid day). Holder is masked (李*梅);
/// a visitor can only confirm a full name they already know (<see cref="NameMatches"/>).
/// </summary>
public sealed record VerificationModel(string Code, string Holder, string Number, string Title, string Level, DateOnly PassDate, DateOnly IssuedOn,
    DateOnly ValidUntil, string Status, DateOnly? RevokedOn, string? PdfSha256)
{
    /// <summary>Result of the upload check: the uploaded file is byte-identical to the issued PDF.</summary>
    public bool? UploadMatches { get; init; }
    public string? UploadName { get; init; }
    /// <summary>The name a visitor asked about, and whether it is the holder's.</summary>
    public string? NameAsked { get; init; }
    public bool? NameMatches { get; init; }
    /// <summary>The certificate has an Open Badges credential, and its signature checks out against one of the issuer's keys.</summary>
    public bool HasCredential { get; init; }
    public bool CredentialSignatureValid { get; init; }
    /// <summary>The certification programme and the approved paper version the holder passed.</summary>
    public string Programme { get; init; } = "";
    public int PaperVersion { get; init; } = 1;
}
