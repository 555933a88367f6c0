using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Papers;

/// <summary>The examiners' paper list, the edit form of one paper (audience and allowances labelled by employee number) and the programmes a paper can certify.</summary>
public sealed class PaperQueries(AppDbContext db, DisplayTime display)
{
    /// <summary>Every paper, by kind then id.</summary>
    public async Task<IReadOnlyList<Paper>> ListAsync(CancellationToken ct) =>
        await db.Papers.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.Id).ToListAsync(ct);

    /// <summary>The form filled in with the paper, its assignments and allowances; null when there is no such paper.</summary>
    public async Task<PaperForm?> EditFormAsync(string id, CancellationToken ct)
    {
        var paper = await db.Papers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (paper is null) return null;
        var assignments = await db.PaperAssignments.AsNoTracking().Where(a => a.PaperId == id).ToListAsync(ct);
        var allowances = await db.PaperAllowances.AsNoTracking().Where(a => a.PaperId == id).ToListAsync(ct);
        var userIds = assignments.Where(a => a.Kind == PaperAudience.User).Select(a => a.Value).Concat(allowances.Select(a => a.UserId)).ToList();
        var labels = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.EmployeeNumber ?? u.Email ?? u.Id, ct);
        return PaperForm.From(paper, assignments, allowances.Select(a => (labels.GetValueOrDefault(a.UserId, a.UserId), a.ExtraMinutes)), userId => labels.GetValueOrDefault(userId, userId), display);
    }

    /// <summary>The certification programmes, by name.</summary>
    public async Task<IReadOnlyList<CertificationProgramme>> ProgrammesAsync(CancellationToken ct) =>
        await db.Programmes.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
}
