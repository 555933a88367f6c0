using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Records;

/// <summary>
/// The bulk ZIP of the filtered certificates' PDFs. Up to RecordsOptions.DirectZipLimit (500) certificates it streams
/// straight into the response (the browser's own download progress is enough for a few seconds of work); above
/// that a <see cref="ZipExportJobs"/> job builds it in the background behind a status page showing "n / total".
/// Audited as <see cref="AuditActions.RecordsZipExported"/> with the filter, the count and how it was delivered.
/// </summary>
public sealed class ExportCertificateZip(AppDbContext db, CertificateZip zip, ZipExportJobs jobs, AuditLog audit,
    DisplayTime display, IOptions<RecordsOptions> options, TimeProvider clock)
{
    public async Task<ExportCertificateZipResult> PrepareAsync(RecordFilter filter, ClaimsPrincipal actor, CancellationToken ct)
    {
        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("signed-in user expected");
        var now = clock.GetUtcNow();
        var items = await zip.ListAsync(filter.Apply(db.Certificates.AsNoTracking(), now, display), now, ct);
        if (items.Count == 0) return new ExportCertificateZipResult(ExportCertificateZipOutcome.Nothing);
        var fileName = $"certificates-{display.Format(now, "yyyyMMdd-HHmm")}.zip";
        ExportCertificateZipResult plan;
        string how;
        if (items.Count > options.Value.DirectZipLimit)
        {
            if (jobs.Unfinished(userId) is { } running) return new ExportCertificateZipResult(ExportCertificateZipOutcome.Busy, Job: running);
            var job = jobs.Start(userId, items, fileName);
            plan = new ExportCertificateZipResult(ExportCertificateZipOutcome.Background, Job: job);
            how = $"background job {job.Id}";
        }
        else
        {
            plan = new ExportCertificateZipResult(ExportCertificateZipOutcome.Direct, items, fileName);
            how = "streamed";
        }
        audit.Record(actor, AuditActions.RecordsZipExported, "records", $"{items.Count} certificates, {how}, filter: {filter.Describe()}");
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public Task StreamAsync(ExportCertificateZipResult plan, Stream output, CancellationToken ct) => zip.WriteAsync(plan.Items!, output, null, ct);
}
