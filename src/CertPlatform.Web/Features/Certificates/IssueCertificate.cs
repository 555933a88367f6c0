using System.Security.Cryptography;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Certificates;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.Certificates.Credentials;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Infrastructure.Pdf;
using CertPlatform.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>
/// Issues the certificate for an attempt that <see cref="CertificationEligibility"/> accepts (listens for final results;
/// also called by <see cref="IssueMissingCertificates"/>), in three steps so that no database write lock is held while
/// the PDF is rendered and signed (tens of milliseconds that the exam autosave writer would otherwise wait for):
/// <list type="number">
/// <item>one short transaction reserves the next number of the year and inserts the certificate row (its frozen facts,
/// a 192-bit verification code, no file yet) with its audit entry;</item>
/// <item>the PDF is rendered and signed, and the Open Badges 3.0 credential built and signed as a VC-JWT, from that row
/// with no transaction open;</item>
/// <item>a second short transaction stores the file and its SHA-256, unless another issuer stored one first.</item>
/// </list>
/// Idempotent: one certificate per attempt (unique index), so two issuers for the same pass yield one certificate and
/// one number (the loser's transaction, number included, is rolled back). A certificate left without a file (a crash
/// or a failed render after step 1) is completed by <see cref="CompleteAsync"/> from the safety net.
/// </summary>
public sealed class IssueCertificate(AppDbContext db, ICertificateRenderer renderer, IOptions<CertificateOptions> options,
    DisplayTime display, TimeProvider clock, OpenBadgeCredentials credentials, CredentialSigner signer,
    Infrastructure.Telemetry.CertPlatformMetrics metrics, ILogger<IssueCertificate> log) : IAttemptResultHandler
{
    /// <summary>Name of the credential (VC-JWT) embedded in the certificate PDF.</summary>
    public const string CredentialFileName = "open-badge-credential.jwt";

    public Task<string?> HandleAsync(AttemptResultFinal result, CancellationToken ct) =>
        // A pass of a paper the publisher knows is no certification paper earns nothing (and needs no audit): no reads.
        result.Passed && result.PaperKind is null or PaperKind.Certification ? IssueAsync(result.AttemptId, ct) : Task.FromResult<string?>(null);

    /// <summary>Issues (or returns the existing) certificate of an eligible attempt; null when the attempt is not eligible.</summary>
    public async Task<string?> IssueAsync(string attemptId, CancellationToken ct)
    {
        var id = await ReserveAsync(attemptId, ct);
        if (id is not null) await CompleteAsync(id, ct);
        return id;
    }

    /// <summary>Step 1: the certificate row and its number, in one short transaction. Returns the existing id when there is one.</summary>
    private async Task<string?> ReserveAsync(string attemptId, CancellationToken ct)
    {
        var existing = await db.Certificates.Where(c => c.AttemptId == attemptId).Select(c => c.Id).FirstOrDefaultAsync(ct);
        if (existing is not null) return existing;
        var attempt = await CertificationEligibility.EligibleAttempts(db).AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId, ct);
        if (attempt is null)
        {
            await AuditRefusalAsync(attemptId, ct);
            return null;
        }
        var o = options.Value;
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == attempt.UserId, ct);
        var paper = await db.Papers.AsNoTracking().FirstAsync(p => p.Id == attempt.PaperId, ct);
        var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == paper.ProgrammeId, ct);
        var now = clock.GetUtcNow();
        var passedAt = attempt.FinishedAt ?? attempt.GradedAt ?? now;
        var expires = display.StartOfDay(CertificateValidity.FirstExpiredDayAfterMonths(display.Date(passedAt), programme.ValidityMonths));
        var previous = await db.Certificates.AsNoTracking()
            .Where(c => c.UserId == user.Id && c.ProgrammeId == programme.Id && c.Status == CertificateStatus.Valid)
            .OrderByDescending(c => c.ExpiresAt).FirstOrDefaultAsync(ct);
        if (previous is not null && previous.ExpiresAt - passedAt > TimeSpan.FromDays(o.RenewalWindowDays)) previous = null;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var year = display.Local(now).Year;
        var number = $"{o.NumberPrefix}-{year}-{await NextNumberAsync(year, ct):000000}";
        var holder = user.FullName.Length > 0 ? user.FullName : user.Email ?? user.Id;
        var certificate = new Certificate
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), Number = number, VerificationCode = Base64Url(RandomNumberGenerator.GetBytes(24)),
            AttemptId = attempt.Id, UserId = user.Id, HolderName = holder, EmployeeNumber = user.EmployeeNumber ?? "",
            Organization = user.Organization, Title = programme.Title, Level = programme.Level, PaperId = paper.Id, PaperTitle = paper.Title,
            ProgrammeId = programme.Id, ProgrammeName = programme.Name, PaperVersion = attempt.PaperVersion,
            Score = attempt.Score ?? 0, PassedAt = passedAt, IssuedAt = now, ExpiresAt = expires, Status = CertificateStatus.Valid,
            PreviousCertificateId = previous?.Id, PdfSha256 = Certificate.NoFileYet, PdfLength = 0,
        };
        db.Certificates.Add(certificate);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, ActorId = user.Id, ActorName = "system", Action = AuditActions.CertificateIssued, Target = $"certificate:{certificate.Number}",
            Details = $"attempt {attempt.Id}, programme {programme.Id}, paper {paper.Id} v{attempt.PaperVersion}, score {certificate.Score}{(previous is null ? "" : $", renews {previous.Number}")}",
        });
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            log.LogInformation("Issued certificate {Number} for attempt {Attempt}", number, attempt.Id);
            metrics.CertificatesIssued.Add(1);
            return certificate.Id;
        }
        catch (DbUpdateException)
        {
            // The same pass was issued concurrently (unique attempt): use that certificate; this number is rolled back.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await db.Certificates.Where(c => c.AttemptId == attempt.Id).Select(c => c.Id).FirstOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"certificate for attempt {attempt.Id} could not be issued");
        }
    }

    /// <summary>
    /// A passed certification attempt that <see cref="CertificationEligibility"/> refuses is audited once, with the reason
    /// (nothing is written for mock papers, fails and results that are not final yet).
    /// </summary>
    private async Task AuditRefusalAsync(string attemptId, CancellationToken ct)
    {
        var decision = await CertificationEligibility.DecideAsync(db, attemptId, ct);
        if (decision is CertificationDecision.NotApplicable or CertificationDecision.Eligible or CertificationDecision.HeldUntilVerified) return;
        var target = $"attempt:{attemptId}";
        if (await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.CertificateRefused && a.Target == target, ct)) return;
        var attempt = await db.Attempts.AsNoTracking().FirstAsync(a => a.Id == attemptId, ct);
        var programme = await db.Papers.Where(p => p.Id == attempt.PaperId).Select(p => p.ProgrammeId).FirstOrDefaultAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), ActorId = attempt.UserId, ActorName = "system", Action = AuditActions.CertificateRefused, Target = target,
            Details = $"reason {CertificationRule.Key(decision)}, paper {attempt.PaperId} v{attempt.PaperVersion}, programme {programme ?? "-"}, user {attempt.UserId}, score {attempt.Score}",
        });
        await db.SaveChangesAsync(ct);
        log.LogWarning("No certificate for attempt {Attempt}: {Reason}", attemptId, CertificationRule.Key(decision));
    }

    /// <summary>
    /// Steps 2 and 3: renders and signs the PDF of a certificate that has no file yet (no transaction open while
    /// rendering), then stores it in a short transaction. Returns false when the certificate is unknown or already has
    /// its file (another issuer was first; its bytes stay, these are dropped).
    /// </summary>
    public async Task<bool> CompleteAsync(string certificateId, CancellationToken ct)
    {
        var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == certificateId, ct);
        if (c is null || await db.CertificateFiles.AnyAsync(f => f.CertificateId == certificateId, ct)) return false;
        var previousNumber = c.PreviousCertificateId is { } p
            ? await db.Certificates.Where(x => x.Id == p).Select(x => x.Number).FirstOrDefaultAsync(ct)
            : null;

        var email = await db.Users.Where(u => u.Id == c.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct);

        var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == c.ProgrammeId, ct);
        var jwt = signer.Sign(credentials.Build(c, programme, email));
        var pdf = renderer.Render(Content(c, previousNumber) with
        {
            Template = programme.Template, Attachments = [new PdfAttachment(CredentialFileName, System.Text.Encoding.ASCII.GetBytes(jwt))],
        });

        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Certificates
            .Where(x => x.Id == certificateId && !db.CertificateFiles.Any(f => f.CertificateId == certificateId))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PdfSha256, sha).SetProperty(x => x.PdfLength, pdf.Length), ct);
        if (claimed == 0)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        db.CertificateFiles.Add(new CertificateFile { CertificateId = certificateId, Bytes = pdf, CredentialJwt = jwt });
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // PostgreSQL: a concurrent completer inserted the file between our update and insert; theirs stays.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>What the PDF prints, all taken from the frozen certificate row: the same facts the verify page shows.</summary>
    public CertificateContent Content(Certificate c, string? previousNumber) =>
        new(c.HolderName, c.EmployeeNumber, c.Organization, c.Title, c.Level, c.Number, c.PaperTitle, c.Score,
            display.Date(c.PassedAt), display.LastDay(c.ExpiresAt), options.Value.VerificationUrl(c.VerificationCode), previousNumber,
            display.Date(c.IssuedAt)) { Programme = c.ProgrammeName, PaperVersion = c.PaperVersion };

    /// <summary>
    /// Next number of the year; the update takes the row lock, so numbers never repeat. The first certificate of a year
    /// creates the year's row with INSERT … ON CONFLICT DO NOTHING: two issuers (instances) doing that at once do not
    /// fail — the second waits for the first one's row and then increments it (PostgreSQL and SQLite alike).
    /// </summary>
    private async Task<int> NextNumberAsync(int year, CancellationToken ct)
    {
        if (await IncrementAsync(year, ct) == 0)
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"CertificateSequences\" (\"Year\", \"Last\") VALUES ({year}, 0) ON CONFLICT (\"Year\") DO NOTHING", ct);
            if (await IncrementAsync(year, ct) == 0) throw new InvalidOperationException($"the certificate sequence of {year} could not be created");
        }
        return await db.CertificateSequences.Where(s => s.Year == year).Select(s => s.Last).FirstAsync(ct);
    }

    private Task<int> IncrementAsync(int year, CancellationToken ct) =>
        db.CertificateSequences.Where(s => s.Year == year).ExecuteUpdateAsync(s => s.SetProperty(x => x.Last, x => x.Last + 1), ct);

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
