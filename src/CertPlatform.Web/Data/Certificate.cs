namespace CertPlatform.Web.Data;

/// <summary>
/// A certificate issued for one passed certification attempt. What it says is frozen at issue (holder,
/// organisation, score…), and so is its PDF (<see cref="CertificateFile"/>, with its SHA-256 here).
/// </summary>
public sealed class Certificate
{
    /// <summary>32 hex characters, random: used in URLs of the owner and HR.</summary>
    public required string Id { get; set; }
    /// <summary>Readable, sequential per year: CP-2026-000001.</summary>
    public required string Number { get; set; }
    /// <summary>URL-safe, 192 random bits: the public verification link.</summary>
    public required string VerificationCode { get; set; }
    public required string AttemptId { get; set; }
    public required string UserId { get; set; }
    public required string HolderName { get; set; }
    public string EmployeeNumber { get; set; } = "";
    public string Organization { get; set; } = "";
    public required string Title { get; set; }
    public required string Level { get; set; }
    public required string PaperId { get; set; }
    public required string PaperTitle { get; set; }
    /// <summary>The certification programme (frozen at issue: its id and name).</summary>
    public string ProgrammeId { get; set; } = CertificationProgramme.SeededId;
    public string ProgrammeName { get; set; } = CertificationProgramme.SeededName;
    /// <summary>The approved paper version the holder passed.</summary>
    public int PaperVersion { get; set; } = 1;
    public decimal Score { get; set; }
    public DateTimeOffset PassedAt { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public string? RevocationReason { get; set; }
    /// <summary>The certificate this one renews (recertification).</summary>
    public string? PreviousCertificateId { get; set; }
    /// <summary>SHA-256 of the stored PDF; <see cref="NoFileYet"/> between reserving the certificate and storing its file.</summary>
    public required string PdfSha256 { get; set; }
    public int PdfLength { get; set; }

    /// <summary>The PdfSha256 of a certificate whose PDF is still being rendered (or failed to render and awaits the safety net).</summary>
    public const string NoFileYet = "";
    public bool HasFile => PdfSha256.Length > 0;

    public string EffectiveStatus(DateTimeOffset now) =>
        Status == CertificateStatus.Revoked ? CertificateStatus.Revoked : now >= ExpiresAt ? CertificateStatus.Expired : CertificateStatus.Valid;
}
