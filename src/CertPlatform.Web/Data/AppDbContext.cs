using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

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
    public DbSet<AttemptDigest> AttemptDigests => Set<AttemptDigest>();
    public DbSet<UploadedMatrix> UploadedMatrices => Set<UploadedMatrix>();
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
