using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class AttemptItemConfiguration : IEntityTypeConfiguration<AttemptItem>
{
    public void Configure(EntityTypeBuilder<AttemptItem> b)
    {
        b.HasKey(i => new { i.AttemptId, i.QuestionRef });
        b.Property(i => i.AttemptId).HasMaxLength(32);
        b.Property(i => i.QuestionId).HasMaxLength(120);
        b.Property(i => i.LessonId).HasMaxLength(100);
        b.Property(i => i.PartId).HasMaxLength(50);
        b.Property(i => i.GradedBy).HasMaxLength(256);
        b.Property(i => i.ManualComment).HasMaxLength(4000);
        foreach (var p in new[] { nameof(AttemptItem.Points), nameof(AttemptItem.AutoScore), nameof(AttemptItem.ManualMax), nameof(AttemptItem.ManualScore) })
            b.Property(p).HasPrecision(9, 2);
        b.Ignore(i => i.Score);
        b.Ignore(i => i.NeedsManual);
        b.HasIndex(i => new { i.QuestionId, i.Version });
        b.HasOne<Attempt>().WithMany().HasForeignKey(i => i.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}
