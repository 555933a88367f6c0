using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    public void Configure(EntityTypeBuilder<Paper> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(64);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Kind).HasMaxLength(16);
        b.Property(p => p.Status).HasMaxLength(16);
        b.Property(p => p.PassMark).HasPrecision(7, 2);
        b.Property(p => p.Audience).HasMaxLength(16);
        b.Property(p => p.AccessPasswordHash).HasMaxLength(200);
        b.Property(p => p.ProgrammeId).HasMaxLength(64);
        b.Property(p => p.CreatedById).HasMaxLength(450);
        b.Property(p => p.UpdatedById).HasMaxLength(450);
        b.HasOne<CertificationProgramme>().WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}
