using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.Kind).HasMaxLength(40);
        b.Property(m => m.DedupeKey).HasMaxLength(200);
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.ToAddress).HasMaxLength(256);
        b.Property(m => m.ToName).HasMaxLength(100);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.AttachmentCertificateId).HasMaxLength(32);
        b.Property(m => m.AttachmentName).HasMaxLength(200);
        b.Property(m => m.Status).HasMaxLength(16);
        b.Property(m => m.ClaimToken).HasMaxLength(32);
        b.Property(m => m.LastError).HasMaxLength(1000);
        // Exactly once per event and recipient, even with two scanners or two instances racing.
        b.HasIndex(m => m.DedupeKey).IsUnique();
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => m.CreatedAt);
    }
}
