using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Records;

/// <summary>
/// The filtered certificates (all pages, in the order shown) as CSV or XLSX through <see cref="TableExport"/>, which
/// neutralises text a spreadsheet would run as a formula (= + - @ tab CR). Audited as <see cref="AuditActions.RecordsExported"/>.
/// The rows are read without the PDFs (about 300 bytes each), so 10,000 records are a few megabytes.
/// </summary>
public sealed class ExportRecords(AppDbContext db, AuditLog audit, DisplayTime display, TimeProvider clock,
    IStringLocalizer<SharedResource> L, SearchHeldPasses heldPasses)
{
    public async Task<RecordsExportFile> RunAsync(RecordFilter filter, RecordsExportFormat format, ClaimsPrincipal actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (filter.Held) return await HeldAsync(filter, format, actor, now, ct);
        var rows = await filter.Sorted(filter.Apply(db.Certificates.AsNoTracking(), now, display), now).ToListAsync(ct);
        var table = new List<IReadOnlyList<ExportCell>>(rows.Count + 1)
        {
            new ExportCell[]
            {
                L["证书编号"].Value, L["姓名"].Value, L["工号"].Value, L["单位"].Value, L["证书名称"].Value, L["级别"].Value, L["认证项目"].Value, L["试卷版本"].Value, L["成绩"].Value,
                L["通过日期"].Value, L["发证日期"].Value, L["有效期至"].Value, L["状态"].Value, L["撤销时间"].Value, L["撤销原因"].Value, "SHA-256",
            },
        };
        foreach (var c in rows)
        {
            table.Add(new ExportCell[]
            {
                c.Number, c.HolderName, c.EmployeeNumber, c.Organization, c.Title, c.Level, c.ProgrammeName, $"v{c.PaperVersion}", ExportCell.Number(c.Score),
                ExportCell.Date(display.Date(c.PassedAt)), ExportCell.Date(display.Date(c.IssuedAt)), ExportCell.Date(display.LastDay(c.ExpiresAt)),
                StatusLabel(c.EffectiveStatus(now)),
                c.RevokedAt is { } revoked ? ExportCell.Minute(display.Local(revoked).DateTime) : "",
                c.RevocationReason ?? "", c.PdfSha256,
            });
        }
        audit.Record(actor, AuditActions.RecordsExported, "records", $"{format.ToString().ToLowerInvariant()}, {rows.Count} certificates, filter: {filter.Describe()}");
        await db.SaveChangesAsync(ct);

        return Build(table, format, $"certificates-{display.Format(now, "yyyyMMdd-HHmm")}", "证书", [16, 12, 12, 24, 20, 10, 30, 8, 8, 12, 12, 12, 8, 16, 30, 66]);
    }

    /// <summary>The held passes the filter selects (no certificate yet): who, which paper, score, pass date and why.</summary>
    private async Task<RecordsExportFile> HeldAsync(RecordFilter filter, RecordsExportFormat format, ClaimsPrincipal actor, DateTimeOffset now, CancellationToken ct)
    {
        var held = await heldPasses.ListAsync(filter, ct);
        var status = L["待核验身份（已通过但证书暂缓）"].Value;
        var table = new List<IReadOnlyList<ExportCell>>(held.Count + 1)
        {
            new ExportCell[] { L["姓名"].Value, L["工号"].Value, L["单位"].Value, L["试卷名称"].Value, L["成绩"].Value, L["通过日期"].Value, L["状态"].Value },
        };
        table.AddRange(held.Select(h => (IReadOnlyList<ExportCell>)new ExportCell[]
        {
            h.FullName, h.EmployeeNumber ?? "", h.Organization, h.PaperTitle, ExportCell.Number(h.Score), ExportCell.Date(display.Date(h.PassedAt)), status,
        }));
        audit.Record(actor, AuditActions.RecordsExported, "records", $"{format.ToString().ToLowerInvariant()}, {held.Count} held passes, filter: {filter.Describe()}");
        await db.SaveChangesAsync(ct);
        return Build(table, format, $"held-passes-{display.Format(now, "yyyyMMdd-HHmm")}", "暂缓", [12, 12, 24, 30, 8, 12, 30]);
    }

    private static RecordsExportFile Build(List<IReadOnlyList<ExportCell>> table, RecordsExportFormat format, string name, string sheet, IReadOnlyList<double> widths) =>
        format == RecordsExportFormat.Xlsx
            ? new RecordsExportFile(TableExport.XlsxStreamed(table, sheet, widths), TableExport.XlsxContentType, name + ".xlsx", table.Count - 1)
            : new RecordsExportFile(TableExport.Csv(table), TableExport.CsvContentType, name + ".csv", table.Count - 1);

    public string StatusLabel(string status) => RecordLabels.Status(L, status);
}
