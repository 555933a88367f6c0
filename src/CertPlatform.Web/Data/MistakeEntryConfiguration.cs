using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class MistakeEntryConfiguration : IEntityTypeConfiguration<MistakeEntry>
{
    public void Configure(EntityTypeBuilder<MistakeEntry> b)
    {
        b.HasKey(m => new { m.UserId, m.QuestionId });
        b.Property(m => m.QuestionId).HasMaxLength(120);
        b.Property(m => m.LessonId).HasMaxLength(100);
        b.Property(m => m.PartId).HasMaxLength(50);
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
