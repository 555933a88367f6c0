using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class QuestionVersionConfiguration : IEntityTypeConfiguration<QuestionVersion>
{
    public void Configure(EntityTypeBuilder<QuestionVersion> b)
    {
        b.HasKey(v => new { v.QuestionId, v.Version });
        b.Property(v => v.QuestionId).HasMaxLength(120);
        b.Property(v => v.CreatedBy).HasMaxLength(256);
        b.Property(v => v.Note).HasMaxLength(500);
    }
}
