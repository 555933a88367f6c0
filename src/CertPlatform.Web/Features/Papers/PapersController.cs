using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using CertPlatform.Web.Features.Exams;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Papers;

public sealed record PaperSummary(Paper Paper, IReadOnlyList<SectionFeasibility> Sections)
{
    public decimal TotalPoints => Sections.Sum(s => s.Section.Count * s.Section.PointsEach);
    public bool Feasible => Sections.All(s => s.Feasible);
}

/// <summary>Papers for examiners: blueprint sections and whether the bank can fill them now.</summary>
[Authorize(Roles = Roles.Examiner + "," + Roles.Admin)]
[Route("papers")]
public sealed class PapersController(AppDbContext db, ExamQuestions questions) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var papers = await db.Papers.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.Id).ToListAsync(ct);
        var pool = (await questions.PoolAsync(ct)).Candidates;
        return View(papers.Select(p => new PaperSummary(p, Blueprint.Feasibility(PaperAccess.Sections(p), pool))).ToList());
    }

}
