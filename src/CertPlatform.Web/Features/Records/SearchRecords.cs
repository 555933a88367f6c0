using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Records;

public sealed record RecordRow(Certificate Certificate, string Status);

public sealed record RecordsPageModel(RecordFilter Filter, IReadOnlyList<RecordRow> Rows, int Total, int Page, int Pages,
    TimeZoneInfo Zone, int DirectZipLimit, bool BadInput)
{
    public string Day(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One page (50) of the certificates a filter selects, in the chosen order.</summary>
public sealed class SearchRecords(AppDbContext db, IOptions<CertificateOptions> certificates, IOptions<RecordsOptions> options, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<RecordsPageModel> RunAsync(RecordFilter filter, bool badInput, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var zone = certificates.Value.Zone;
        var query = filter.Apply(db.Certificates.AsNoTracking(), now, zone);
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var rows = await filter.Sorted(query, now).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new RecordsPageModel(filter, rows.Select(c => new RecordRow(c, c.EffectiveStatus(now))).ToList(), total, page, pages, zone,
            options.Value.DirectZipLimit, badInput);
    }
}
