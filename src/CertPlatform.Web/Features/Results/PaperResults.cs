using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Results;

/// <summary>The attempts at one paper with who sat them, newest first: a page for the screen, all of them for export.</summary>
public sealed class PaperResults(AppDbContext db, IStringLocalizer<SharedResource> L, DisplayTime display, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<PaperResultsModel?> PageAsync(string paperId, int page, CancellationToken ct)
    {
        var paper = await db.Papers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paperId, ct);
        if (paper is null) return null;
        var total = await db.Attempts.CountAsync(a => a.PaperId == paperId, ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await Rows(paperId).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new PaperResultsModel(paper, rows, total, page, pages);
    }

    public async Task<(Paper Paper, List<AttemptRow> Rows)?> AllAsync(string paperId, CancellationToken ct)
    {
        var paper = await db.Papers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paperId, ct);
        if (paper is null) return null;
        return (paper, await Rows(paperId).ToListAsync(ct));
    }

    private IQueryable<AttemptRow> Rows(string paperId) =>
        from a in db.Attempts.AsNoTracking()
        join u in db.Users on a.UserId equals u.Id
        where a.PaperId == paperId
        orderby a.StartedAt descending, a.Id
        select new AttemptRow(a.Id, u.FullName, u.EmployeeNumber, u.Organization, a.Number, a.StartedAt, a.FinishedAt, a.Status, a.FinishReason,
            a.Grading, a.Score, a.MaxScore, a.Passed, a.FocusLossCount, a.PassChangedByRegrade);


    /// <summary>The paper's attempts as CSV or XLSX; text cells a spreadsheet would run as formulas are neutralised.</summary>
    public async Task<(byte[] Content, string ContentType, string FileName)?> ExportAsync(string paperId, ResultsExportFormat format, CancellationToken ct)
    {
        if (await AllAsync(paperId, ct) is not ({ } paper, { } rows)) return null;
        var header = new ExportCell[]
        {
            L["姓名"].Value, L["工号"].Value, L["单位"].Value, L["第几次"].Value, L["开始时间"].Value, L["交卷时间"].Value,
            L["交卷方式"].Value, L["得分"].Value, L["满分"].Value, L["结果"].Value, L["失焦次数"].Value, L["标记"].Value, L["考试编号"].Value,
        };
        var table = new List<IReadOnlyList<ExportCell>> { header };
        table.AddRange(rows.Select(r => (IReadOnlyList<ExportCell>)
        [
            r.FullName, r.EmployeeNumber ?? "", r.Organization, ExportCell.Number(r.Number), Minute(r.StartedAt), Minute(r.FinishedAt),
            Reason(r), r.Score is { } s ? ExportCell.Number(s) : "", ExportCell.Number(r.MaxScore), Verdict(r), ExportCell.Number(r.FocusLossCount),
            Flags(r), r.AttemptId,
        ]));
        var stamp = display.Format(clock.GetUtcNow(), "yyyyMMdd");
        var name = $"results-{paper.Id}-{stamp}";
        return format == ResultsExportFormat.Xlsx
            ? (TableExport.Xlsx(table, "成绩", [12, 14, 20, 8, 18, 18, 10, 8, 8, 10, 8, 16, 34]), TableExport.XlsxContentType, name + ".xlsx")
            : (TableExport.Csv(table), TableExport.CsvContentType, name + ".csv");
    }

    public string Reason(AttemptRow r) => L.FinishLabel(r.Status, r.FinishReason);

    /// <summary>A time as a wall-clock minute of the display zone: a date-time cell in XLSX, "yyyy-MM-dd HH:mm" in CSV.</summary>
    private ExportCell Minute(DateTimeOffset? t) => t is { } v ? ExportCell.Minute(display.Local(v).DateTime) : "";

    public string Verdict(AttemptRow r) => r.Status == AttemptStatus.InProgress ? L["进行中"]
        : r.Grading == GradingStatus.AwaitingManual ? L["待人工评分"]
        : r.Passed == true ? L["通过"] : L["未通过"];

    public string Flags(AttemptRow r) => r.PassChangedByRegrade ? L["重新评分改变了结果"] : "";
}
