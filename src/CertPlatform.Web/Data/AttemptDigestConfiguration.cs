using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class AttemptDigestConfiguration : IEntityTypeConfiguration<AttemptDigest>
{
    public void Configure(EntityTypeBuilder<AttemptDigest> b)
    {
        b.HasKey(d => d.AttemptId);
        b.Property(d => d.AttemptId).HasMaxLength(32);
        b.Property(d => d.PaperId).HasMaxLength(64);
        b.Property(d => d.Score).HasPrecision(9, 2);
        b.HasIndex(d => d.PaperId);
        b.HasOne<Attempt>().WithMany().HasForeignKey(d => d.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}
