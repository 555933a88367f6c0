using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class PaperAssignmentConfiguration : IEntityTypeConfiguration<PaperAssignment>
{
    public void Configure(EntityTypeBuilder<PaperAssignment> b)
    {
        b.Property(a => a.PaperId).HasMaxLength(64);
        b.Property(a => a.Kind).HasMaxLength(16);
        b.Property(a => a.Value).HasMaxLength(100);
        b.HasIndex(a => new { a.PaperId, a.Kind, a.Value }).IsUnique();
        b.HasOne<Paper>().WithMany().HasForeignKey(a => a.PaperId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PaperAllowanceConfiguration : IEntityTypeConfiguration<PaperAllowance>
{
    public void Configure(EntityTypeBuilder<PaperAllowance> b)
    {
        b.HasKey(a => new { a.PaperId, a.UserId });
        b.Property(a => a.PaperId).HasMaxLength(64);
        b.HasOne<Paper>().WithMany().HasForeignKey(a => a.PaperId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttemptConfiguration : IEntityTypeConfiguration<Attempt>
{
    public void Configure(EntityTypeBuilder<Attempt> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).HasMaxLength(32);
        b.Property(a => a.PaperId).HasMaxLength(64);
        b.Property(a => a.Status).HasMaxLength(16);
        b.Property(a => a.FinishReason).HasMaxLength(16);
        b.Property(a => a.Grading).HasMaxLength(16);
        b.Property(a => a.Score).HasPrecision(9, 2);
        b.Property(a => a.MaxScore).HasPrecision(9, 2);
        b.Property(a => a.PassMark).HasPrecision(9, 2);
        // docs/api.md: at most one in-progress attempt per user and paper, whatever the clients do.
        b.HasIndex(a => new { a.UserId, a.PaperId }).IsUnique().HasFilter("\"Status\" = 'InProgress'").HasDatabaseName("IX_Attempts_OneInProgress");
        b.HasIndex(a => new { a.UserId, a.PaperId, a.Number }).IsUnique();
        b.HasIndex(a => new { a.Status, a.Deadline });
        b.HasIndex(a => new { a.PaperId, a.FinishedAt });
        b.HasOne<Paper>().WithMany().HasForeignKey(a => a.PaperId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttemptAnswerConfiguration : IEntityTypeConfiguration<AttemptAnswer>
{
    public void Configure(EntityTypeBuilder<AttemptAnswer> b)
    {
        b.HasKey(a => new { a.AttemptId, a.QuestionRef });
        b.Property(a => a.AttemptId).HasMaxLength(32);
        b.HasOne<Attempt>().WithMany().HasForeignKey(a => a.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttemptEventConfiguration : IEntityTypeConfiguration<AttemptEvent>
{
    public void Configure(EntityTypeBuilder<AttemptEvent> b)
    {
        b.Property(e => e.AttemptId).HasMaxLength(32);
        b.Property(e => e.Kind).HasMaxLength(32);
        b.Property(e => e.Detail).HasMaxLength(200);
        b.HasIndex(e => new { e.AttemptId, e.At });
        b.HasOne<Attempt>().WithMany().HasForeignKey(e => e.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

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
