using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Records;

/// <summary>One page (50) of the certificates a filter selects, in the chosen order.</summary>
public sealed class SearchRecords(AppDbContext db, DisplayTime display, IOptions<RecordsOptions> options, TimeProvider clock,
    SearchHeldPasses heldPasses)
{
    public const int PageSize = 50;

    public async Task<RecordsPageModel> RunAsync(RecordFilter filter, bool badInput, CancellationToken ct)
    {
        if (filter.Held) return await HeldAsync(filter, badInput, ct);
        var now = clock.GetUtcNow();
        var query = filter.Apply(db.Certificates.AsNoTracking(), now, display);
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var rows = await filter.Sorted(query, now).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new RecordsPageModel(filter, rows.Select(c => new RecordRow(c, c.EffectiveStatus(now))).ToList(), total, page, pages,
            options.Value.DirectZipLimit, badInput);
    }

    private async Task<RecordsPageModel> HeldAsync(RecordFilter filter, bool badInput, CancellationToken ct)
    {
        var held = await heldPasses.ListAsync(filter, ct);
        var pages = Math.Max(1, (held.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        return new RecordsPageModel(filter, [], held.Count, page, pages, options.Value.DirectZipLimit, badInput,
            held.Skip((page - 1) * PageSize).Take(PageSize).ToList());
    }
}
