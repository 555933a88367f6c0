using System.Text.Json;
using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Papers;

/// <summary>
/// Creates the papers the platform ships with, once: the level-4 certification paper (the curriculum map's
/// suggestion: Part 1 ≈ 35 %, Part 2 ≈ 30 %, Part 3 ≈ 20 %, Part 4 ≈ 15 %; 100 points, pass 60, 90 minutes)
/// and a mock exam per part. Existing papers are never changed (examiners own them after creation).
/// Seeded content is authored and approved by the seeding administrator (<see cref="PaperVersion.SystemAuthor"/>): the
/// certification paper awards the seeded programme's certificate from the start, and a database upgraded from before
/// paper approvals gets the same approval for the seeded paper's version 1 (once; a later change needs a person's approval).
/// </summary>
public sealed class PaperSeeder(AppDbContext db, ContentCatalog catalog, TimeProvider clock)
{
    public const string CertificationId = "level4-certification";

    public static readonly IReadOnlyList<BlueprintSection> CertificationBlueprint =
    [
        new("第一部分 单选题", 20, 1m, PartId: "part1", Type: nameof(QuestionType.Single)),
        new("第一部分 多选题", 5, 2m, PartId: "part1", Type: nameof(QuestionType.Multiple)),
        new("第一部分 判断题", 5, 1m, PartId: "part1", Type: nameof(QuestionType.TrueFalse)),
        new("第二部分 单选题", 14, 1m, PartId: "part2", Type: nameof(QuestionType.Single)),
        new("第二部分 多选题", 4, 2m, PartId: "part2", Type: nameof(QuestionType.Multiple)),
        new("第二部分 判断题", 4, 1m, PartId: "part2", Type: nameof(QuestionType.TrueFalse)),
        new("第二部分 案例题", 1, 4m, PartId: "part2", Type: nameof(QuestionType.Case)),
        new("第三部分 单选题", 10, 1m, PartId: "part3", Type: nameof(QuestionType.Single)),
        new("第三部分 多选题", 3, 2m, PartId: "part3", Type: nameof(QuestionType.Multiple)),
        new("第三部分 判断题", 4, 1m, PartId: "part3", Type: nameof(QuestionType.TrueFalse)),
        new("第四部分 单选题", 8, 1m, PartId: "part4", Type: nameof(QuestionType.Single)),
        new("第四部分 多选题", 2, 2m, PartId: "part4", Type: nameof(QuestionType.Multiple)),
        new("第四部分 判断题", 3, 1m, PartId: "part4", Type: nameof(QuestionType.TrueFalse)),
    ];

    public static IReadOnlyList<BlueprintSection> MockBlueprint(string partId) =>
    [
        new("单选题", 10, 1m, PartId: partId, Type: nameof(QuestionType.Single)),
        new("多选题", 4, 2m, PartId: partId, Type: nameof(QuestionType.Multiple)),
        new("判断题", 6, 1m, PartId: partId, Type: nameof(QuestionType.TrueFalse)),
    ];

    public async Task EnsureAsync(CancellationToken ct = default)
    {
        var existing = (await db.Papers.Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        void Add(string id, string title, string kind, int minutes, decimal passMark, int attempts, IReadOnlyList<BlueprintSection> blueprint)
        {
            if (existing.Contains(id)) return;
            db.Papers.Add(new Paper
            {
                Id = id, Title = title, Kind = kind, TimeLimitMinutes = minutes, PassMark = passMark, AttemptsAllowed = attempts,
                Status = PaperStatus.Published, BlueprintJson = JsonSerializer.Serialize(blueprint), CreatedAt = now, UpdatedAt = now,
                ProgrammeId = kind == PaperKind.Certification ? CertificationProgramme.SeededId : null,
                CreatedById = PaperVersion.SystemAuthor, UpdatedById = PaperVersion.SystemAuthor, Version = 1,
            });
            db.PaperVersions.Add(new PaperVersion { PaperId = id, Version = 1, AuthorId = PaperVersion.SystemAuthor, AuthorName = "system", SavedAt = now });
        }
        Add(CertificationId, "VIP客户服务经理岗位技能四级认证考试", PaperKind.Certification, 90, 60m, 2, CertificationBlueprint);
        foreach (var part in catalog.Curriculum.Parts)
            Add($"mock-{part.Id}", $"模拟考试：{part.Title}", PaperKind.Mock, 30, MockPassMark(part.Id), 0, MockBlueprint(part.Id));
        await RepairMockPassMarksAsync(now, ct);
        await db.SaveChangesAsync(ct);
        await ApproveSeededAsync(now, ct);
    }

    /// <summary>A mock paper passes at 60 % of its points, rounded up to a whole point (24 points: 15).</summary>
    public static decimal MockPassMark(string partId) => Math.Ceiling(MockBlueprint(partId).Sum(s => s.Count * s.PointsEach) * 0.6m);

    /// <summary>
    /// Earlier versions seeded the mock papers with a pass mark of 60 on 24 points, which nobody could reach. A mock paper
    /// still exactly as seeded (version 1, never saved by a person) gets its reachable pass mark, once, audited.
    /// </summary>
    private async Task RepairMockPassMarksAsync(DateTimeOffset now, CancellationToken ct)
    {
        var seeded = await db.Papers.Where(p => p.Kind == PaperKind.Mock && p.Version == 1 && p.UpdatedById == PaperVersion.SystemAuthor
            && p.Id.StartsWith("mock-") && p.PassMark == 60m).ToListAsync(ct);
        foreach (var paper in seeded)
        {
            var partId = paper.Id["mock-".Length..];
            var pass = MockPassMark(partId);
            if (paper.BlueprintJson != JsonSerializer.Serialize(MockBlueprint(partId))) continue; // its blueprint was changed: not ours to touch
            paper.PassMark = pass;
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, ActorName = "system", Action = AuditActions.PaperPassMarkRepaired, Target = $"paper:{paper.Id}",
                Details = $"pass mark 60 → {pass} (the paper has {MockBlueprint(partId).Sum(s => s.Count * s.PointsEach)} points)",
            });
        }
    }

    /// <summary>The seeded certification paper's version 1 is approved by the seeding administrator, once.</summary>
    private async Task ApproveSeededAsync(DateTimeOffset now, CancellationToken ct)
    {
        var paper = await db.Papers.FirstOrDefaultAsync(p => p.Id == CertificationId, ct);
        if (paper is null || paper.Version != 1 || paper.ProgrammeId is null || await db.PaperApprovals.AnyAsync(a => a.PaperId == CertificationId, ct)) return;
        if (!await db.PaperVersions.AnyAsync(v => v.PaperId == CertificationId, ct))
            db.PaperVersions.Add(new PaperVersion { PaperId = CertificationId, Version = 1, AuthorId = PaperVersion.SystemAuthor, AuthorName = "system", SavedAt = paper.CreatedAt });
        db.PaperApprovals.Add(new PaperApproval { PaperId = CertificationId, Version = 1, ApproverId = PaperVersion.SystemAuthor, ApproverName = "system", ApprovedAt = now });
        paper.ApprovedVersion = 1;
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, ActorName = "system", Action = AuditActions.PaperApproved, Target = $"paper:{CertificationId}",
            Details = $"v1, programme {paper.ProgrammeId}: seeded content, approved by the seeding administrator",
        });
        await db.SaveChangesAsync(ct);
    }
}
