using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class PracticeAnswerConfiguration : IEntityTypeConfiguration<PracticeAnswer>
{
    public void Configure(EntityTypeBuilder<PracticeAnswer> b)
    {
        b.Property(m => m.QuestionId).HasMaxLength(120);
        b.Property(m => m.LessonId).HasMaxLength(100);
        b.Property(m => m.PartId).HasMaxLength(50);
        b.HasIndex(m => new { m.UserId, m.At });
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
