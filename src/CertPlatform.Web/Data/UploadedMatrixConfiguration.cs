using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class UploadedMatrixConfiguration : IEntityTypeConfiguration<UploadedMatrix>
{
    public void Configure(EntityTypeBuilder<UploadedMatrix> b)
    {
        b.HasKey(m => m.Token);
        b.Property(m => m.Token).HasMaxLength(32);
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.FileName).HasMaxLength(260);
        b.HasIndex(m => m.ExpiresAt);
    }
}
