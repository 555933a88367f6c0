using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CertPlatform.Web.Data;

/// <summary>
/// The application's data. One subclass per database provider owns that provider's migrations
/// (Data/Migrations/Sqlite, Data/Migrations/Postgres); code everywhere else uses AppDbContext.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<LessonProgress> LessonProgress => Set<LessonProgress>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PendingImport> PendingImports => Set<PendingImport>();
    public DbSet<QuestionRecord> Questions => Set<QuestionRecord>();
    public DbSet<QuestionVersion> QuestionVersions => Set<QuestionVersion>();
    public DbSet<QuestionImage> QuestionImages => Set<QuestionImage>();
    public DbSet<Paper> Papers => Set<Paper>();
    public DbSet<PaperAssignment> PaperAssignments => Set<PaperAssignment>();
    public DbSet<PaperAllowance> PaperAllowances => Set<PaperAllowance>();
    public DbSet<PaperVersion> PaperVersions => Set<PaperVersion>();
    public DbSet<PaperApproval> PaperApprovals => Set<PaperApproval>();
    public DbSet<CertificationProgramme> Programmes => Set<CertificationProgramme>();
    public DbSet<Attempt> Attempts => Set<Attempt>();
    public DbSet<AttemptAnswer> AttemptAnswers => Set<AttemptAnswer>();
    public DbSet<AttemptEvent> AttemptEvents => Set<AttemptEvent>();
    public DbSet<AttemptItem> AttemptItems => Set<AttemptItem>();
    public DbSet<MistakeEntry> Mistakes => Set<MistakeEntry>();
    public DbSet<PracticeAnswer> PracticeAnswers => Set<PracticeAnswer>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<CertificateFile> CertificateFiles => Set<CertificateFile>();
    public DbSet<CertificateSequence> CertificateSequences => Set<CertificateSequence>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<EmployeeRecord> EmployeeRecords => Set<EmployeeRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store it as a sortable 64-bit number.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL (timestamptz columns; every value the app writes is UTC).</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

/// <summary>Lets <c>dotnet ef</c> build each provider's context without the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(100);
        b.Property(u => u.EmployeeNumber).HasMaxLength(32);
        b.Property(u => u.Organization).HasMaxLength(100);
        b.Property(u => u.Department).HasMaxLength(100);
        b.HasIndex(u => u.EmployeeNumber).IsUnique();
        b.HasIndex(u => u.FullName);
    }
}

internal sealed class LessonProgressConfiguration : IEntityTypeConfiguration<LessonProgress>
{
    public void Configure(EntityTypeBuilder<LessonProgress> b)
    {
        b.Property(p => p.LessonId).HasMaxLength(100);
        b.HasIndex(p => new { p.UserId, p.LessonId }).IsUnique();
        b.HasIndex(p => new { p.UserId, p.LastViewedAt });
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.ActorName).HasMaxLength(256);
        b.Property(a => a.Target).HasMaxLength(256);
        b.HasIndex(a => a.At);
    }
}

internal sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> b)
    {
        b.Property(p => p.Kind).HasMaxLength(32);
        b.Property(p => p.FileName).HasMaxLength(260);
        b.HasIndex(p => p.CreatedAt);
    }
}

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
