using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class QuestionRecordConfiguration : IEntityTypeConfiguration<QuestionRecord>
{
    public void Configure(EntityTypeBuilder<QuestionRecord> b)
    {
        b.HasKey(q => q.Id);
        b.Property(q => q.Id).HasMaxLength(120);
        b.Property(q => q.LessonId).HasMaxLength(100);
        b.Property(q => q.PartId).HasMaxLength(50);
        b.Property(q => q.Type).HasMaxLength(16);
        b.Property(q => q.Status).HasMaxLength(16);
        b.Property(q => q.Pool).HasConversion<string>().HasMaxLength(16);
        b.Property(q => q.Anchor).HasMaxLength(100);
        b.Property(q => q.Tags).HasMaxLength(1000);
        b.Property(q => q.StemText).HasMaxLength(4000);
        b.Property(q => q.Origin).HasMaxLength(16);
        b.Property(q => q.ContentHash).HasMaxLength(64);
        b.Property(q => q.UpdatedBy).HasMaxLength(256);
        b.HasIndex(q => new { q.LessonId, q.Status });
        b.HasIndex(q => new { q.PartId, q.Type, q.Difficulty });
        b.HasMany<QuestionVersion>().WithOne().HasForeignKey(v => v.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
