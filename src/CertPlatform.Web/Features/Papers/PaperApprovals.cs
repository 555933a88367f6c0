using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Papers;

/// <summary>The certification papers with their versions, authors and approvals (approvals page, paper list).</summary>
public sealed class PaperApprovals(AppDbContext db)
{
    public async Task<IReadOnlyList<PaperApprovalRow>> ListAsync(CancellationToken ct)
    {
        var papers = await db.Papers.AsNoTracking().Where(p => p.Kind == PaperKind.Certification).OrderBy(p => p.Id).ToListAsync(ct);
        var ids = papers.Select(p => p.Id).ToList();
        var versions = await db.PaperVersions.AsNoTracking().Where(v => ids.Contains(v.PaperId)).ToListAsync(ct);
        var approvals = await db.PaperApprovals.AsNoTracking().Where(a => ids.Contains(a.PaperId)).OrderBy(a => a.Version).ToListAsync(ct);
        var programmes = await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return papers.Select(p => new PaperApprovalRow(p, p.ProgrammeId is { } id ? programmes.GetValueOrDefault(id) : null,
            versions.Where(v => v.PaperId == p.Id).OrderBy(v => v.Version).Select(v => $"v{v.Version} {Name(v.AuthorName, v.AuthorId)}").ToList(),
            approvals.Where(a => a.PaperId == p.Id).ToList())).ToList();
    }

    private static string Name(string name, string id) => id == PaperVersion.SystemAuthor ? "system" : name.Length > 0 ? name : id;
}
