using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
public sealed class PapersController(AppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var papers = await db.Papers.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.Id).ToListAsync(ct);
        var pool = await BlueprintPool.ReadyAsync(db, ct);
        return View(papers.Select(p => new PaperSummary(p, Blueprint.Feasibility(Sections(p), pool))).ToList());
    }

    internal static IReadOnlyList<BlueprintSection> Sections(Paper p) =>
        p.BlueprintJson is null ? [] : JsonSerializer.Deserialize<List<BlueprintSection>>(p.BlueprintJson) ?? [];
}

public static class BlueprintPool
{
    /// <summary>What a blueprint may draw from: the ready questions in the bank (no text, no keys).</summary>
    public static async Task<List<DrawCandidate>> ReadyAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Questions.AsNoTracking().Where(q => q.Status == "Ready")
            .Select(q => new { q.Id, q.PartId, q.LessonId, q.Type, q.Difficulty, q.Tags }).ToListAsync(ct))
        .Select(q => new DrawCandidate(q.Id, q.PartId, q.LessonId, q.Type, q.Difficulty, q.Tags.Trim('|').Split('|', StringSplitOptions.RemoveEmptyEntries)))
        .ToList();
}
