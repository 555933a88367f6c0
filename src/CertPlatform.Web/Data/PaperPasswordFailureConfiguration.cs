using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class PaperPasswordFailureConfiguration : IEntityTypeConfiguration<PaperPasswordFailure>
{
    public void Configure(EntityTypeBuilder<PaperPasswordFailure> b)
    {
        b.ToTable("PaperPasswordFailures");
        b.HasKey(f => new { f.PaperId, f.UserId });
        b.Property(f => f.PaperId).HasMaxLength(64);
        b.Property(f => f.UserId).HasMaxLength(450);
        b.HasOne<Paper>().WithMany().HasForeignKey(f => f.PaperId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
