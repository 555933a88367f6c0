using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Certificates;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Notifications;

/// <summary>
/// Periodically reads certificates and papers (read-only) and queues what is due: certificate issued (with its PDF)
/// and revoked, reminders 60 and 30 days before expiry to the holder and every HR user, exams assigned and exam
/// windows opening. Each notification has a dedupe key, so scanning again — or two instances scanning at once —
/// queues nothing twice.
/// </summary>
public sealed class NotificationScanner(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NotificationOptions> options,
    IOptions<CertificateOptions> site, DisplayTime display, ILogger<NotificationScanner> log) : BackgroundService
{
    /// <summary>Reminder thresholds in days before expiry; only the nearest one reached is sent.</summary>
    public static readonly int[] ReminderDays = [60, 30];

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        return !o.IsEnabled || !o.RunBackgroundLoops ? Task.CompletedTask
            : PeriodicLoop.RunAsync(ScanAsync, TimeSpan.FromSeconds(o.ScanSeconds), clock, log, "Notification scan", stoppingToken);
    }

    /// <summary>Queues every notification now due that is not queued yet; returns how many were queued.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var since = now - TimeSpan.FromDays(options.Value.LookbackDays);
        var requests = new List<NotificationRequest>();
        requests.AddRange(await IssuedAsync(db, since, ct));
        requests.AddRange(await RevokedAsync(db, since, ct));
        requests.AddRange(await ExpiringAsync(db, now, ct));
        requests.AddRange(await ExamsAsync(db, now, since, ct));

        var existing = new HashSet<string>();
        foreach (var chunk in requests.Select(r => r.DedupeKey).Chunk(500))
            existing.UnionWith(await db.OutboxMessages.Where(m => chunk.Contains(m.DedupeKey)).Select(m => m.DedupeKey).ToListAsync(ct));
        var enqueue = scope.ServiceProvider.GetRequiredService<EnqueueNotification>();
        var queued = 0;
        foreach (var r in requests.Where(r => !existing.Contains(r.DedupeKey)))
            if (await enqueue.RunAsync(r, ct) == EnqueueNotificationOutcome.Enqueued) queued++;
        if (queued > 0) log.LogInformation("Queued {Count} notifications", queued);
        return queued;
    }

    private sealed record Holder(Certificate Certificate, string Email, string Name);

    private static IQueryable<Holder> WithHolder(AppDbContext db, IQueryable<Certificate> certificates) =>
        from c in certificates
        join u in db.Users on c.UserId equals u.Id
        where u.IsActive && u.Email != null
        select new Holder(c, u.Email!, u.FullName);

    private async Task<IEnumerable<NotificationRequest>> IssuedAsync(AppDbContext db, DateTimeOffset since, CancellationToken ct)
    {
        var issued = await WithHolder(db, db.Certificates.AsNoTracking().Where(c => c.IssuedAt >= since && c.Status == CertificateStatus.Valid)).ToListAsync(ct);
        return issued.Select(h => ForHolder(h, NotificationKind.CertificateIssued, NotificationTemplateName.CertificateIssued, [],
            attach: true));
    }

    private async Task<IEnumerable<NotificationRequest>> RevokedAsync(AppDbContext db, DateTimeOffset since, CancellationToken ct)
    {
        var revoked = await WithHolder(db, db.Certificates.AsNoTracking()
            .Where(c => c.Status == CertificateStatus.Revoked && c.RevokedAt != null && c.RevokedAt >= since)).ToListAsync(ct);
        return revoked.Select(h => ForHolder(h, NotificationKind.CertificateRevoked, NotificationTemplateName.CertificateRevoked, new()
        {
            ["reason"] = h.Certificate.RevocationReason ?? "",
            ["revoked"] = display.Day(h.Certificate.RevokedAt!.Value),
        }));
    }

    private async Task<IEnumerable<NotificationRequest>> ExpiringAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var horizon = now + TimeSpan.FromDays(ReminderDays.Max());
        // Valid, not yet expired, within 60 days of expiry, and not already renewed by a newer certificate.
        var expiring = await WithHolder(db, db.Certificates.AsNoTracking()
            .Where(c => c.Status == CertificateStatus.Valid && c.ExpiresAt > now && c.ExpiresAt <= horizon &&
                        !db.Certificates.Any(n => n.PreviousCertificateId == c.Id))).ToListAsync(ct);
        if (expiring.Count == 0) return [];
        var hr = await (from u in db.Users
                        join ur in db.UserRoles on u.Id equals ur.UserId
                        join r in db.Roles on ur.RoleId equals r.Id
                        where r.Name == Roles.HR && u.IsActive && u.Email != null
                        select new MailRecipient(u.Id, u.Email!, u.FullName)).ToListAsync(ct);
        var requests = new List<NotificationRequest>();
        foreach (var h in expiring)
        {
            var left = h.Certificate.ExpiresAt - now;
            var threshold = ReminderDays.Where(d => left <= TimeSpan.FromDays(d)).Min();
            var kind = NotificationKind.ExpiringKind(threshold);
            var days = new Dictionary<string, string> { ["days"] = ((int)Math.Ceiling(left.TotalDays)).ToString() };
            requests.Add(ForHolder(h, kind, NotificationTemplateName.CertificateExpiring, days));
            foreach (var person in hr)
            {
                var values = CertificateValues(h.Certificate, person.Name.Length > 0 ? person.Name : person.Email);
                values["days"] = days["days"];
                values["holder"] = h.Certificate.HolderName;
                values["employeeNumber"] = h.Certificate.EmployeeNumber;
                values["organization"] = h.Certificate.Organization;
                requests.Add(new NotificationRequest(kind, $"{kind}:{h.Certificate.Id}:{person.UserId}",
                    NotificationTemplateName.CertificateExpiringHr, person, values));
            }
        }
        return requests;
    }

    private async Task<IEnumerable<NotificationRequest>> ExamsAsync(AppDbContext db, DateTimeOffset now, DateTimeOffset since, CancellationToken ct)
    {
        var papers = await db.Papers.AsNoTracking()
            .Where(p => p.Status == PaperStatus.Published && (p.ClosesAt == null || p.ClosesAt > now))
            .Select(p => new { p.Id, p.Title, p.Audience, p.OpensAt, p.ClosesAt }).ToListAsync(ct);
        var requests = new List<NotificationRequest>();
        var siteUrl = SiteUrl;
        foreach (var p in papers)
        {
            var assigned = p.Audience == PaperAudience.Assigned;
            var opening = p.OpensAt is { } opens && opens <= now && opens >= since;
            if (!assigned && !opening) continue;
            var audience = await PaperAccess.Audience(db, p.Id, everyone: !assigned).AsNoTracking().Select(u => new MailRecipient(u.Id, u.Email!, u.FullName)).ToListAsync(ct);
            foreach (var person in audience)
            {
                var values = new Dictionary<string, string>
                {
                    ["name"] = person.Name.Length > 0 ? person.Name : person.Email,
                    ["paper"] = p.Title,
                    ["opens"] = p.OpensAt is { } o ? display.Minute(o) : "—",
                    ["closes"] = p.ClosesAt is { } c ? display.Minute(c) : "—",
                    ["examsUrl"] = $"{siteUrl}/exams",
                    ["siteUrl"] = siteUrl,
                };
                if (assigned)
                    requests.Add(new NotificationRequest(NotificationKind.ExamAssigned, $"{NotificationKind.ExamAssigned}:{p.Id}:{person.UserId}",
                        NotificationTemplateName.ExamAssigned, person, values));
                if (opening)
                    requests.Add(new NotificationRequest(NotificationKind.ExamWindowOpening, $"{NotificationKind.ExamWindowOpening}:{p.Id}:{person.UserId}",
                        NotificationTemplateName.ExamWindowOpening, person, values));
            }
        }
        return requests;
    }


    private string SiteUrl => site.Value.BaseUrl;

    private Dictionary<string, string> CertificateValues(Certificate c, string name) => new()
    {
        ["name"] = name,
        ["number"] = c.Number,
        ["title"] = c.Title,
        ["level"] = c.Level,
        ["expires"] = display.UntilDay(c.ExpiresAt),
        ["verifyUrl"] = site.Value.VerificationUrl(c.VerificationCode),
        ["siteUrl"] = SiteUrl,
    };

    private NotificationRequest ForHolder(Holder h, string kind, string template, Dictionary<string, string> extra, bool attach = false)
    {
        var name = h.Name.Length > 0 ? h.Name : h.Certificate.HolderName;
        var values = CertificateValues(h.Certificate, name);
        foreach (var (k, v) in extra) values[k] = v;
        return new NotificationRequest(kind, $"{kind}:{h.Certificate.Id}:{h.Certificate.UserId}", template,
            new MailRecipient(h.Certificate.UserId, h.Email, name), values,
            attach ? h.Certificate.Id : null, attach ? $"certificate-{h.Certificate.Number}.pdf" : null);
    }
}
