using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Admin;

/// <summary>Certification programmes for administrators: the list by name and the edit form of one.</summary>
public sealed class ProgrammeQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<CertificationProgramme>> ListAsync(CancellationToken ct) =>
        await db.Programmes.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);

    /// <summary>The form filled in with the programme; null when there is no such programme.</summary>
    public async Task<ProgrammeForm?> EditFormAsync(string id, CancellationToken ct)
    {
        var p = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return p is null ? null : new ProgrammeForm
        {
            Id = p.Id, Name = p.Name, Title = p.Title, Level = p.Level, ValidityMonths = p.ValidityMonths, Template = p.Template, Description = p.Description, Criteria = p.Criteria,
        };
    }
}
