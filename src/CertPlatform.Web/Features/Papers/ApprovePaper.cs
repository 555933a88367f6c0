using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Certificates;
using CertPlatform.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Papers;

/// <summary>
/// A second person (Admin or CertificationManager, never an author of the paper) approves one exact version of a
/// certification paper. Approvals and refusals are audited; a refusal changes nothing else.
/// </summary>
public sealed class ApprovePaper(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<PaperApprovalOutcome> RunAsync(string paperId, int version, ClaimsPrincipal approver, CancellationToken ct)
    {
        var paper = await db.Papers.FirstOrDefaultAsync(p => p.Id == paperId, ct);
        if (paper is null) return PaperApprovalOutcome.UnknownPaper;
        var approverId = approver.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var authors = await db.PaperVersions.Where(v => v.PaperId == paperId).Select(v => v.AuthorId).Distinct().ToListAsync(ct);
        if (paper.CreatedById is { } creator) authors.Add(creator);
        var outcome = PaperApprovalRule.Check(approverId, authors, paper.Kind == PaperKind.Certification, paper.ProgrammeId is not null,
            paper.Version, version, paper.ApprovedVersion);
        if (outcome == PaperApprovalOutcome.Approved)
        {
            paper.ApprovedVersion = paper.Version;
            db.PaperApprovals.Add(new PaperApproval
            {
                PaperId = paperId, Version = paper.Version, ApproverId = approverId, ApproverName = approver.Identity?.Name ?? "", ApprovedAt = clock.GetUtcNow(),
            });
            audit.Record(approver, AuditActions.PaperApproved, $"paper:{paperId}", $"v{paper.Version}, programme {paper.ProgrammeId}");
        }
        else if (outcome != PaperApprovalOutcome.AlreadyApproved)
            audit.Record(approver, AuditActions.PaperApprovalRefused, $"paper:{paperId}",
                $"v{version} (current v{paper.Version}): {outcome}");
        await db.SaveChangesAsync(ct);
        return outcome;
    }
}
