using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

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
