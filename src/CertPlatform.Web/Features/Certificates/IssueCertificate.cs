using System.Security.Cryptography;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>Configuration section "Certificates" (the PDF renderer reads its own keys from the same section).</summary>
public sealed class CertificateOptions
{
    public const string Section = "Certificates";
    /// <summary>How long a certificate is valid.</summary>
    public int ValidityYears { get; set; } = 3;
    /// <summary>Passing again this many days before expiry (or after it) renews: the new certificate names the previous one.</summary>
    public int RenewalWindowDays { get; set; } = 90;
    /// <summary>The site's public address, printed in the PDF and its QR code (…/verify/{code}).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
    public string NumberPrefix { get; set; } = "CP";
    public string Title { get; set; } = "VIP客户服务经理";
    public string Level { get; set; } = "四级";
    /// <summary>Show only the first and last character of the holder's name on the public verification page.</summary>
    public bool MaskHolderName { get; set; }
    /// <summary>Time zone of the issuing centre: calendar dates (pass date, expiry) and the year of the number.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
    public string VerificationUrl(string code) => $"{PublicBaseUrl.TrimEnd('/')}/verify/{code}";
}

/// <summary>
/// Issues the certificate for an attempt that <see cref="CertificationEligibility"/> accepts (listens for
/// final results; also called by <see cref="IssueMissingCertificates"/>):
/// next number of the year, a 192-bit verification code, the PDF rendered and signed once, stored
/// with its SHA-256. Idempotent: one certificate per attempt (unique index), so hearing about the
/// same pass twice returns the existing certificate.
/// </summary>
public sealed class IssueCertificate(AppDbContext db, CertificatePdfRenderer renderer, IOptions<CertificateOptions> options,
    TimeProvider clock, ILogger<IssueCertificate> log) : IAttemptResultHandler
{
    public const string AuditAction = "certificate.issued";

    public Task<string?> HandleAsync(AttemptResultFinal result, CancellationToken ct) =>
        result.Passed ? IssueAsync(result.AttemptId, ct) : Task.FromResult<string?>(null);

    /// <summary>Issues (or returns the existing) certificate of an eligible attempt; null when the attempt is not eligible.</summary>
    public async Task<string?> IssueAsync(string attemptId, CancellationToken ct)
    {
        var existing = await db.Certificates.Where(c => c.AttemptId == attemptId).Select(c => c.Id).FirstOrDefaultAsync(ct);
        if (existing is not null) return existing;
        var attempt = await CertificationEligibility.EligibleAttempts(db).AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId, ct);
        if (attempt is null) return null;
        var passed = new { AttemptId = attempt.Id, attempt.UserId, attempt.PaperId, Score = attempt.Score ?? 0, PassedAt = attempt.FinishedAt ?? attempt.GradedAt ?? clock.GetUtcNow() };
        var o = options.Value;
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == passed.UserId, ct);
        var paper = await db.Papers.AsNoTracking().FirstAsync(p => p.Id == passed.PaperId, ct);
        var now = clock.GetUtcNow();
        var zone = o.Zone;
        var passedLocal = TimeZoneInfo.ConvertTime(passed.PassedAt, zone);
        var expires = new DateTimeOffset(passedLocal.Date.AddYears(o.ValidityYears), passedLocal.Offset).ToUniversalTime();
        var previous = await db.Certificates.AsNoTracking()
            .Where(c => c.UserId == user.Id && c.Title == o.Title && c.Status == CertificateStatus.Valid)
            .OrderByDescending(c => c.ExpiresAt).FirstOrDefaultAsync(ct);
        if (previous is not null && previous.ExpiresAt - passed.PassedAt > TimeSpan.FromDays(o.RenewalWindowDays)) previous = null;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var year = TimeZoneInfo.ConvertTime(now, zone).Year;
        var number = $"{o.NumberPrefix}-{year}-{await NextNumberAsync(year, ct):000000}";
        var code = Base64Url(RandomNumberGenerator.GetBytes(24));
        var content = new CertificateContent(user.FullName.Length > 0 ? user.FullName : user.Email ?? user.Id, user.EmployeeNumber ?? "", user.Organization,
            o.Title, o.Level, number, paper.Title, passed.Score, DateOnly.FromDateTime(passedLocal.Date),
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(expires, zone).Date), o.VerificationUrl(code), previous?.Number);
        var pdf = renderer.Render(content);
        var certificate = new Certificate
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), Number = number, VerificationCode = code,
            AttemptId = passed.AttemptId, UserId = user.Id, HolderName = content.HolderName, EmployeeNumber = content.EmployeeNumber,
            Organization = content.Organization, Title = o.Title, Level = o.Level, PaperId = paper.Id, PaperTitle = paper.Title,
            Score = passed.Score, PassedAt = passed.PassedAt, IssuedAt = now, ExpiresAt = expires, Status = CertificateStatus.Valid,
            PreviousCertificateId = previous?.Id, PdfSha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)), PdfLength = pdf.Length,
        };
        db.Certificates.Add(certificate);
        db.CertificateFiles.Add(new CertificateFile { CertificateId = certificate.Id, Bytes = pdf });
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, ActorId = user.Id, ActorName = "system", Action = AuditAction, Target = $"certificate:{certificate.Number}",
            Details = $"attempt {passed.AttemptId}, paper {paper.Id}, score {passed.Score}{(previous is null ? "" : $", renews {previous.Number}")}",
        });
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            log.LogInformation("Issued certificate {Number} for attempt {Attempt}", number, passed.AttemptId);
            return certificate.Id;
        }
        catch (DbUpdateException)
        {
            // The same pass was issued concurrently (unique attempt): use that certificate.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await db.Certificates.Where(c => c.AttemptId == passed.AttemptId).Select(c => c.Id).FirstOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"certificate for attempt {passed.AttemptId} could not be issued");
        }
    }

    /// <summary>Next number of the year; the update takes the row lock, so numbers never repeat.</summary>
    private async Task<int> NextNumberAsync(int year, CancellationToken ct)
    {
        if (await db.CertificateSequences.Where(s => s.Year == year).ExecuteUpdateAsync(s => s.SetProperty(x => x.Last, x => x.Last + 1), ct) == 0)
        {
            db.CertificateSequences.Add(new CertificateSequence { Year = year, Last = 1 });
            await db.SaveChangesAsync(ct);
            return 1;
        }
        return await db.CertificateSequences.Where(s => s.Year == year).Select(s => s.Last).FirstAsync(ct);
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
