using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class PaperApprovalConfiguration : IEntityTypeConfiguration<PaperApproval>
{
    public void Configure(EntityTypeBuilder<PaperApproval> b)
    {
        b.Property(a => a.PaperId).HasMaxLength(64);
        b.Property(a => a.ApproverId).HasMaxLength(450);
        b.Property(a => a.ApproverName).HasMaxLength(256);
        b.HasIndex(a => new { a.PaperId, a.Version, a.ApproverId }).IsUnique();
        b.HasOne<Paper>().WithMany().HasForeignKey(a => a.PaperId).OnDelete(DeleteBehavior.Cascade);
    }
}
