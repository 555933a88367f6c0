using System.Text;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Certificates;
using CertPlatform.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Http.Extensions;

namespace CertPlatform.Web.Features.Records;

/// <summary>
/// The HR records query, bound from the URL (<c>/records?name=…&amp;status=valid&amp;sort=expires&amp;page=2</c>), so a
/// search can be bookmarked, shared and exported exactly as shown. Calendar dates are days of the display zone
/// (Display:TimeZone), like the dates printed on certificates.
/// </summary>
public sealed class RecordFilter
{
    public const int MaxExpiringDays = 3650;
    public const int DefaultExpiringDays = 90;
    /// <summary>The status keys the URL accepts (valid, expired, revoked).</summary>
    public static readonly IReadOnlyList<string> Statuses = [.. CertificateStatus.All.Select(CertificateStatus.Key)];
    /// <summary>
    /// The status key of passes held until the holder's account is verified (no certificate yet): the page and the
    /// CSV/XLSX exports list those passes instead of certificates, and the ZIP export has no certificate to pack.
    /// </summary>
    public const string HeldStatus = "held";
    public static readonly IReadOnlyList<string> SortKeys = ["number", "holder", "organization", "issued", "expires", "status"];

    /// <summary>Holder's name contains this.</summary>
    public string? Name { get; set; }
    /// <summary>Employee number, exactly.</summary>
    public string? Emp { get; set; }
    /// <summary>Organisation contains this.</summary>
    public string? Org { get; set; }
    /// <summary>Certificate title contains this.</summary>
    public string? Title { get; set; }
    /// <summary>Issued on or after this day.</summary>
    public DateOnly? From { get; set; }
    /// <summary>Issued on or before this day.</summary>
    public DateOnly? To { get; set; }
    /// <summary>valid, expired, revoked, held (<see cref="HeldStatus"/>), or empty/all — the status now.</summary>
    public string? Status { get; set; }
    /// <summary>Certificates that were valid at the end of this day (issued by then, not yet expired, not revoked by then).</summary>
    public DateOnly? AsOf { get; set; }
    /// <summary>Valid certificates that expire within this many days from now.</summary>
    public int? Expiring { get; set; }
    public string? Sort { get; set; }
    /// <summary>asc or desc.</summary>
    public string? Dir { get; set; }
    public int Page { get; set; } = 1;

    /// <summary>Trims text, drops unknown values: what is left is exactly what <see cref="Apply"/> uses and the URL shows.</summary>
    public RecordFilter Normalized()
    {
        static string? T(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim() is { Length: > 100 } t ? t[..100] : s.Trim();
        var status = Status?.Trim().ToLowerInvariant();
        var sort = Sort?.Trim().ToLowerInvariant();
        return new RecordFilter
        {
            Name = T(Name), Emp = T(Emp), Org = T(Org), Title = T(Title), From = From, To = To,
            Status = status is not null && (Statuses.Contains(status) || status == HeldStatus) ? status : null,
            AsOf = AsOf,
            Expiring = Expiring is > 0 ? Math.Min(Expiring.Value, MaxExpiringDays) : null,
            Sort = sort is not null && SortKeys.Contains(sort) ? sort : null,
            Dir = Dir?.Trim().ToLowerInvariant() is "asc" or "desc" ? Dir.Trim().ToLowerInvariant() : null,
            Page = Math.Max(1, Page),
        };
    }

    /// <summary>Held passes rather than certificates (<see cref="HeldStatus"/>).</summary>
    public bool Held => Status == HeldStatus;

    public bool IsEmpty => Name is null && Emp is null && Org is null && Title is null && From is null && To is null
                           && Status is null && AsOf is null && Expiring is null;

    /// <summary>The certificates this filter selects (unsorted). <paramref name="now"/> decides valid/expired/expiring.</summary>
    public IQueryable<Certificate> Apply(IQueryable<Certificate> q, DateTimeOffset now, DisplayTime display)
    {
        if (Held) return q.Where(c => false); // a held pass has no certificate yet
        if (Name is { } name) q = q.Where(c => c.HolderName.Contains(name));
        if (Emp is { } emp) q = q.Where(c => c.EmployeeNumber == emp);
        if (Org is { } org) q = q.Where(c => c.Organization.Contains(org));
        if (Title is { } title) q = q.Where(c => c.Title.Contains(title));
        if (From is { } from)
        {
            var start = display.StartOfDay(from);
            q = q.Where(c => c.IssuedAt >= start);
        }
        if (To is { } to)
        {
            var end = display.StartOfDay(to.AddDays(1));
            q = q.Where(c => c.IssuedAt < end);
        }
        switch (CertificateStatus.FromKey(Status))
        {
            case CertificateStatus.Valid: q = q.Where(c => c.Status == CertificateStatus.Valid && c.ExpiresAt > now); break;
            case CertificateStatus.Expired: q = q.Where(c => c.Status == CertificateStatus.Valid && c.ExpiresAt <= now); break;
            case CertificateStatus.Revoked: q = q.Where(c => c.Status == CertificateStatus.Revoked); break;
        }
        if (AsOf is { } asOf)
        {
            // "Valid on day X" = valid at the last moment of X: issued before the day ended, expiring only after it
            // (a certificate expires at the start of the day after its printed 有效期至), and not revoked by then.
            var t = display.StartOfDay(asOf.AddDays(1));
            q = q.Where(c => c.IssuedAt < t && c.ExpiresAt >= t
                             && (c.Status != CertificateStatus.Revoked || (c.RevokedAt != null && c.RevokedAt >= t)));
        }
        if (Expiring is { } days)
        {
            var until = now.AddDays(days);
            q = q.Where(c => c.Status == CertificateStatus.Valid && c.ExpiresAt > now && c.ExpiresAt <= until);
        }
        return q;
    }

    /// <summary>
    /// Whether a held pass matches the text and date criteria (name, 工号, organisation, the paper's title for the
    /// certificate title, the pass date for the issue dates); the validity criteria concern certificates only.
    /// </summary>
    public bool Matches(HeldPass h, DisplayTime display)
    {
        var passed = display.Date(h.PassedAt);
        return (Name is null || h.FullName.Contains(Name, StringComparison.Ordinal))
            && (Emp is null || h.EmployeeNumber == Emp)
            && (Org is null || h.Organization.Contains(Org, StringComparison.Ordinal))
            && (Title is null || h.PaperTitle.Contains(Title, StringComparison.Ordinal))
            && (From is null || passed >= From) && (To is null || passed <= To);
    }

    /// <summary>The selected order, then the certificate number (unique) so pages never overlap.</summary>
    public IQueryable<Certificate> Sorted(IQueryable<Certificate> q, DateTimeOffset now)
    {
        var desc = EffectiveDir == "desc";
        IOrderedQueryable<Certificate> o = EffectiveSort switch
        {
            "number" => desc ? q.OrderByDescending(c => c.Number) : q.OrderBy(c => c.Number),
            "holder" => desc ? q.OrderByDescending(c => c.HolderName) : q.OrderBy(c => c.HolderName),
            "organization" => desc ? q.OrderByDescending(c => c.Organization) : q.OrderBy(c => c.Organization),
            "expires" => desc ? q.OrderByDescending(c => c.ExpiresAt) : q.OrderBy(c => c.ExpiresAt),
            // Valid < expired < revoked, as now.
            "status" => desc
                ? q.OrderByDescending(c => c.Status == CertificateStatus.Revoked ? 2 : c.ExpiresAt <= now ? 1 : 0)
                : q.OrderBy(c => c.Status == CertificateStatus.Revoked ? 2 : c.ExpiresAt <= now ? 1 : 0),
            _ => desc ? q.OrderByDescending(c => c.IssuedAt) : q.OrderBy(c => c.IssuedAt),
        };
        return EffectiveSort == "number" ? o : o.ThenBy(c => c.Number);
    }

    /// <summary>Newest issued first unless chosen otherwise.</summary>
    public string EffectiveSort => Sort ?? "issued";
    public string EffectiveDir => Dir ?? (Sort is null ? "desc" : "asc");

    /// <summary>The direction a column header link asks for: the other one on the current column, else ascending.</summary>
    public string NextDir(string column) => EffectiveSort == column && EffectiveDir == "asc" ? "desc" : "asc";

    /// <summary>The filter's name/value pairs (without paging and sorting).</summary>
    public IEnumerable<KeyValuePair<string, string>> Criteria()
    {
        if (Name is not null) yield return new("name", Name);
        if (Emp is not null) yield return new("emp", Emp);
        if (Org is not null) yield return new("org", Org);
        if (Title is not null) yield return new("title", Title);
        if (From is { } f) yield return new("from", Day(f));
        if (To is { } t) yield return new("to", Day(t));
        if (Status is not null) yield return new("status", Status);
        if (AsOf is { } a) yield return new("asOf", Day(a));
        if (Expiring is { } e) yield return new("expiring", e.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>"?name=…&amp;sort=…&amp;page=…" for links; <paramref name="page"/> 0 leaves the page out.</summary>
    public string Query(int page = 0, string? sort = null, string? dir = null)
    {
        var qb = new QueryBuilder(Criteria());
        if ((sort ?? Sort) is { } s) qb.Add("sort", s);
        if ((dir ?? Dir) is { } d) qb.Add("dir", d);
        if (page > 1) qb.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return qb.ToQueryString().Value ?? "";
    }

    /// <summary>Readable filter for the audit log ("all" when empty).</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        foreach (var (k, v) in Criteria()) sb.Append(sb.Length > 0 ? "; " : "").Append(k).Append('=').Append(v);
        return sb.Length == 0 ? "all" : sb.ToString();
    }

    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone) => new DisplayTime(zone).StartOfDay(day);

    private static string Day(DateOnly d) => DisplayTime.Day(d);
}
