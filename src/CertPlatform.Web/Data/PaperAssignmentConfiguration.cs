using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class PaperAssignmentConfiguration : IEntityTypeConfiguration<PaperAssignment>
{
    public void Configure(EntityTypeBuilder<PaperAssignment> b)
    {
        b.Property(a => a.PaperId).HasMaxLength(64);
        b.Property(a => a.Kind).HasMaxLength(16);
        b.Property(a => a.Value).HasMaxLength(100);
        b.HasIndex(a => new { a.PaperId, a.Kind, a.Value }).IsUnique();
        b.HasOne<Paper>().WithMany().HasForeignKey(a => a.PaperId).OnDelete(DeleteBehavior.Cascade);
    }
}
