using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class AttemptEventConfiguration : IEntityTypeConfiguration<AttemptEvent>
{
    public void Configure(EntityTypeBuilder<AttemptEvent> b)
    {
        b.Property(e => e.AttemptId).HasMaxLength(32);
        b.Property(e => e.Kind).HasMaxLength(32);
        b.Property(e => e.Detail).HasMaxLength(200);
        b.HasIndex(e => new { e.AttemptId, e.At });
        b.HasOne<Attempt>().WithMany().HasForeignKey(e => e.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}
