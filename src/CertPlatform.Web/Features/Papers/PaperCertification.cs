using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Certificates;
using CertPlatform.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Papers;

/// <summary>
/// Before an attempt starts: would a pass of each certification paper's current version earn this trainee the
/// certificate (<see cref="CertificationRule.BeforeStart"/>)? Used by the exam list, the start page and the audit of an
/// attempt started on a paper that cannot award one.
/// </summary>
public static class PaperCertification
{
    /// <summary>The outlook per paper id; papers that are not certification papers are <see cref="CertificationDecision.NotApplicable"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, CertificationDecision>> OutlookAsync(AppDbContext db, IReadOnlyCollection<Paper> papers, string userId, CancellationToken ct)
    {
        var certification = papers.Where(p => p.Kind == PaperKind.Certification).ToList();
        var ids = certification.Select(p => p.Id).ToList();
        var approved = await db.PaperApprovals.AsNoTracking().Where(a => ids.Contains(a.PaperId))
            .Select(a => new { a.PaperId, a.Version, a.ApproverId }).ToListAsync(ct);
        var authored = await db.PaperVersions.AsNoTracking().Where(v => ids.Contains(v.PaperId) && v.AuthorId == userId)
            .Select(v => v.PaperId).Distinct().ToListAsync(ct);
        return papers.ToDictionary(p => p.Id, p => CertificationRule.BeforeStart(
            p.Kind == PaperKind.Certification,
            p.ProgrammeId is not null,
            approved.Any(a => a.PaperId == p.Id && a.Version == p.Version),
            authored.Contains(p.Id),
            approved.Any(a => a.PaperId == p.Id && a.ApproverId == userId)));
    }

    /// <summary>The audit action for an attempt started with this outlook; null when nothing needs auditing.</summary>
    public static string? AuditAction(CertificationDecision outlook) => outlook switch
    {
        CertificationDecision.VersionNotApproved => AuditActions.AttemptStartedUnapproved,
        CertificationDecision.NoProgramme or CertificationDecision.HolderIsAuthor or CertificationDecision.HolderIsApprover => AuditActions.AttemptStartedWithoutCertificate,
        _ => null,
    };
}
