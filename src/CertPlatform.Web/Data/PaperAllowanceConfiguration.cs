using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class PaperAllowanceConfiguration : IEntityTypeConfiguration<PaperAllowance>
{
    public void Configure(EntityTypeBuilder<PaperAllowance> b)
    {
        b.HasKey(a => new { a.PaperId, a.UserId });
        b.Property(a => a.PaperId).HasMaxLength(64);
        b.HasOne<Paper>().WithMany().HasForeignKey(a => a.PaperId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
