using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>Read side of the bank for examiners: filtered lists, a question with its versions, diffs.</summary>
public sealed class BankQueries(AppDbContext db)
{
    public const int PageSize = 50;

    public async Task<BankListModel> ListAsync(BankFilter f, CancellationToken ct)
    {
        var q = Filtered(f);
        var total = await q.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(f.Page, 1, pages);
        var rows = await q.OrderBy(x => x.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new BankListModel(f, rows, total, page, pages);
    }

    /// <summary>Ids of every question the filter selects (all pages), for export.</summary>
    public IQueryable<string> FilteredIds(BankFilter f) => Filtered(f).Select(x => x.Id);

    private IQueryable<QuestionRecord> Filtered(BankFilter f)
    {
        var q = db.Questions.AsNoTracking();
        if (!string.IsNullOrEmpty(f.Part)) q = q.Where(x => x.PartId == f.Part);
        if (!string.IsNullOrEmpty(f.Lesson)) q = q.Where(x => x.LessonId == f.Lesson);
        if (!string.IsNullOrEmpty(f.Type)) q = q.Where(x => x.Type == f.Type);
        if (f.Difficulty is { } d) q = q.Where(x => x.Difficulty == d);
        if (!string.IsNullOrEmpty(f.Status)) q = q.Where(x => x.Status == f.Status);
        if (f.Pool is { } pool) q = q.Where(x => x.Pool == pool);
        if (!string.IsNullOrWhiteSpace(f.Tag)) { var t = "|" + f.Tag.Trim() + "|"; q = q.Where(x => x.Tags.Contains(t)); }
        if (!string.IsNullOrWhiteSpace(f.Q)) { var text = f.Q.Trim(); q = q.Where(x => x.StemText.Contains(text) || x.Id.Contains(text)); }
        return q;
    }

    public async Task<QuestionDetailModel?> DetailAsync(string id, int? version, CancellationToken ct)
    {
        var record = await db.Questions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (record is null) return null;
        var versions = await db.QuestionVersions.AsNoTracking().Where(v => v.QuestionId == id).OrderByDescending(v => v.Version)
            .Select(v => new VersionInfo(v.Version, v.CreatedAt, v.CreatedBy, v.Note)).ToListAsync(ct);
        var shown = version ?? record.CurrentVersion;
        var payload = await db.QuestionVersions.AsNoTracking().Where(v => v.QuestionId == id && v.Version == shown).Select(v => v.PayloadJson).SingleOrDefaultAsync(ct);
        return payload is null ? null : new QuestionDetailModel(record, QuestionJson.Deserialize(payload), shown, versions);
    }

    public async Task<DiffModel?> DiffAsync(string id, int from, int to, CancellationToken ct)
    {
        var record = await db.Questions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (record is null) return null;
        var payloads = await db.QuestionVersions.AsNoTracking().Where(v => v.QuestionId == id && (v.Version == from || v.Version == to))
            .ToDictionaryAsync(v => v.Version, v => v.PayloadJson, ct);
        if (!payloads.ContainsKey(from) || !payloads.ContainsKey(to)) return null;
        return new DiffModel(record, from, to, LineDiff.Compute(payloads[from].Split('\n'), payloads[to].Split('\n')));
    }
}
