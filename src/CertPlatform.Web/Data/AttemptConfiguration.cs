using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

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
