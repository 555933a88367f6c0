using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class PaperVersionConfiguration : IEntityTypeConfiguration<PaperVersion>
{
    public void Configure(EntityTypeBuilder<PaperVersion> b)
    {
        b.HasKey(v => new { v.PaperId, v.Version });
        b.Property(v => v.PaperId).HasMaxLength(64);
        b.Property(v => v.AuthorId).HasMaxLength(450);
        b.Property(v => v.AuthorName).HasMaxLength(256);
        b.HasIndex(v => v.AuthorId);
        b.HasOne<Paper>().WithMany().HasForeignKey(v => v.PaperId).OnDelete(DeleteBehavior.Cascade);
    }
}
