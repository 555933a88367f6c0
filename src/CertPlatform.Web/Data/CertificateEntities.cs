using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

public static class CertificateStatus
{
    public const string Valid = "Valid";
    public const string Revoked = "Revoked";
    /// <summary>Not stored: a valid certificate past its expiry date shows as expired.</summary>
    public const string Expired = "Expired";

    /// <summary>All three, in display order (valid, expired, revoked).</summary>
    public static readonly IReadOnlyList<string> All = [Valid, Expired, Revoked];

    /// <summary>The lower-case form used in URLs, JSON and export manifests: valid, expired, revoked.</summary>
    public static string Key(string status) => status.ToLowerInvariant();

    /// <summary>The status whose <see cref="Key"/> is <paramref name="key"/>, or null.</summary>
    public static string? FromKey(string? key) => All.FirstOrDefault(s => string.Equals(Key(s), key?.Trim(), StringComparison.OrdinalIgnoreCase));
}

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

/// <summary>The PDF bytes as issued, never rewritten: every download returns exactly these.</summary>
public sealed class CertificateFile
{
    public required string CertificateId { get; set; }
    public required byte[] Bytes { get; set; }
    /// <summary>The certificate's Open Badges 3.0 credential as a VC-JWT (compact JWS), signed at issue and never re-signed.</summary>
    public string? CredentialJwt { get; set; }
}

/// <summary>The last certificate number used in a year.</summary>
public sealed class CertificateSequence
{
    public int Year { get; set; }
    public int Last { get; set; }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(32);
        b.Property(c => c.Number).HasMaxLength(32);
        b.Property(c => c.VerificationCode).HasMaxLength(64);
        b.Property(c => c.AttemptId).HasMaxLength(32);
        b.Property(c => c.HolderName).HasMaxLength(100);
        b.Property(c => c.EmployeeNumber).HasMaxLength(32);
        b.Property(c => c.Organization).HasMaxLength(100);
        b.Property(c => c.Title).HasMaxLength(100);
        b.Property(c => c.Level).HasMaxLength(32);
        b.Property(c => c.PaperId).HasMaxLength(64);
        b.Property(c => c.PaperTitle).HasMaxLength(200);
        b.Property(c => c.ProgrammeId).HasMaxLength(64);
        b.Property(c => c.ProgrammeName).HasMaxLength(100);
        b.HasIndex(c => c.ProgrammeId);
        b.HasOne<CertificationProgramme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Score).HasPrecision(9, 2);
        b.Property(c => c.Status).HasMaxLength(16);
        b.Property(c => c.RevokedBy).HasMaxLength(256);
        b.Property(c => c.RevocationReason).HasMaxLength(500);
        b.Property(c => c.PreviousCertificateId).HasMaxLength(32);
        b.Property(c => c.PdfSha256).HasMaxLength(64);
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => c.VerificationCode).IsUnique();
        // Issuing is idempotent: one certificate per passed attempt.
        b.HasIndex(c => c.AttemptId).IsUnique();
        b.HasIndex(c => new { c.UserId, c.IssuedAt });
        b.HasIndex(c => c.HolderName);
        b.HasIndex(c => c.EmployeeNumber);
        b.HasIndex(c => c.ExpiresAt);
        b.HasIndex(c => c.IssuedAt);
        b.HasOne<Attempt>().WithMany().HasForeignKey(c => c.AttemptId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateFileConfiguration : IEntityTypeConfiguration<CertificateFile>
{
    public void Configure(EntityTypeBuilder<CertificateFile> b)
    {
        b.HasKey(f => f.CertificateId);
        b.Property(f => f.CertificateId).HasMaxLength(32);
        b.HasOne<Certificate>().WithOne().HasForeignKey<CertificateFile>(f => f.CertificateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CertificateSequenceConfiguration : IEntityTypeConfiguration<CertificateSequence>
{
    public void Configure(EntityTypeBuilder<CertificateSequence> b)
    {
        b.HasKey(s => s.Year);
        b.Property(s => s.Year).ValueGeneratedNever();
    }
}
