using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class QuestionImageConfiguration : IEntityTypeConfiguration<QuestionImage>
{
    public void Configure(EntityTypeBuilder<QuestionImage> b)
    {
        b.HasKey(i => i.Sha256);
        b.Property(i => i.Sha256).HasMaxLength(64);
        b.Property(i => i.ContentType).HasMaxLength(32);
        b.Property(i => i.FileName).HasMaxLength(260);
        b.Property(i => i.CreatedBy).HasMaxLength(256);
    }
}
