using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Certificates;
using CertPlatform.Web.Features.Account;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Papers;

/// <summary>
/// Creates or updates a paper with its audience and allowances in one transaction. Attempts already
/// started keep the questions they drew (frozen); changes apply to attempts started afterwards.
/// </summary>
public sealed class SavePaper(AppDbContext db, IValidator<PaperForm> validator, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> L,
    CertPlatform.Web.Infrastructure.Time.DisplayTime display)
{
    public async Task<SavePaperResult> RunAsync(PaperForm form, ClaimsPrincipal actor, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        void Error(string key, string message) { if (!errors.TryGetValue(key, out var l)) errors[key] = l = []; l.Add(message); }
        foreach (var e in (await validator.ValidateAsync(form, ct)).Errors) Error(e.PropertyName, e.ErrorMessage);

        var id = form.Id.Trim();
        var paper = form.IsNew ? null : await db.Papers.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (!form.IsNew && paper is null) Error(nameof(form.Id), L["没有这份试卷"]);
        if (form.IsNew && await db.Papers.AnyAsync(p => p.Id == id, ct)) Error(nameof(form.Id), L["这个编号已被使用"]);

        var programmeId = form.Kind == PaperKind.Certification ? form.ProgrammeId?.Trim() : null;
        if (!string.IsNullOrEmpty(programmeId) && !await db.Programmes.AnyAsync(p => p.Id == programmeId, ct))
            Error(nameof(form.ProgrammeId), L["没有这个认证项目：{0}", programmeId]);

        if (form.Mode == PaperMode.Fixed)
        {
            var ids = form.Fixed().Questions.Select(q => q.Id).Distinct().ToList();
            var pools = await db.Questions.Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.Pool, ct);
            if (ids.Except(pools.Keys).ToList() is { Count: > 0 } unknown) Error(nameof(form.FixedText), L["题库中没有这些题号：{0}", string.Join("，", unknown)]);
            var certification = form.Kind == PaperKind.Certification;
            if (ids.Where(i => pools.TryGetValue(i, out var pool) && !Domain.Exams.DrawPools.Allows(certification, pool)).ToList() is { Count: > 0 } wrongPool)
                Error(nameof(form.FixedText), certification ? L["认证试卷只能使用认证题池的试题，这些题属于练习题池：{0}", string.Join("，", wrongPool)]
                    : L["模拟试卷只能使用练习题池的试题，这些题属于认证题池：{0}", string.Join("，", wrongPool)]);
        }

        var people = PaperForm.Lines(form.Trainees).Concat(PaperForm.Lines(form.Allowances).Select(l => l.Split([' ', '\t', ',', '，'], StringSplitOptions.RemoveEmptyEntries)[0])).Distinct().ToList();
        var upper = people.Select(p => p.ToUpperInvariant()).ToList();
        var users = await db.Users.Where(u => (u.EmployeeNumber != null && people.Contains(u.EmployeeNumber)) || (u.NormalizedEmail != null && upper.Contains(u.NormalizedEmail)))
            .Select(u => new { u.Id, u.EmployeeNumber, u.NormalizedEmail }).ToListAsync(ct);
        string? UserId(string who) => users.FirstOrDefault(u => u.EmployeeNumber == who || u.NormalizedEmail == who.ToUpperInvariant())?.Id;
        if (PaperForm.Lines(form.Trainees).Where(w => UserId(w) is null).ToList() is { Count: > 0 } missing)
            Error(nameof(form.Trainees), L["找不到这些学员（工号或邮箱）：{0}", string.Join("，", missing)]);
        var allowances = new List<(string UserId, int Minutes)>();
        var line = 0;
        foreach (var raw in form.Allowances.Split('\n'))
        {
            line++;
            var parts = raw.Split([' ', '\t', ',', '，'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) || minutes is < 1 or > 600 || UserId(parts[0]) is not { } uid)
                Error(nameof(form.Allowances), L["第 {0} 行应为“工号或邮箱 分钟数”（1–600），且学员必须存在：{1}", line, raw.Trim()]);
            else allowances.Add((uid, minutes));
        }
        if (errors.Count > 0) return new SavePaperResult(false, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        var now = clock.GetUtcNow();
        var actorId = actor.FindFirstValue(ClaimTypes.NameIdentifier) ?? PaperVersion.SystemAuthor;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var isNew = paper is null;
        if (paper is null)
        {
            paper = new Paper { Id = id, Title = "", Kind = PaperKind.Mock, Status = PaperStatus.Draft, CreatedAt = now, CreatedById = actorId, Version = 0 };
            db.Papers.Add(paper);
        }
        var contentBefore = PaperVersioning.Content(paper);
        var wasApproved = paper.IsApproved;
        var before = JsonSerializer.Serialize(new { paper.Title, paper.Status, paper.TimeLimitMinutes, paper.PassMark, paper.Audience });
        paper.Title = form.Title.Trim();
        paper.Kind = form.Kind;
        paper.Status = form.Status;
        paper.TimeLimitMinutes = form.TimeLimitMinutes;
        paper.PassMark = form.PassMark;
        paper.OpensAt = ToUtc(form.OpensAt);
        paper.ClosesAt = ToUtc(form.ClosesAt);
        paper.AttemptsAllowed = form.AttemptsAllowed;
        paper.ShuffleQuestions = form.ShuffleQuestions;
        paper.ShuffleOptions = form.ShuffleOptions;
        paper.ReviewShowsScore = form.ReviewShowsScore;
        paper.ReviewShowsAnswers = form.ReviewShowsAnswers;
        paper.ReviewShowsExplanations = form.ReviewShowsExplanations;
        paper.DrawExcludeFlagged = form.DrawExcludeFlagged;
        paper.DrawUseObservedFacility = form.DrawUseObservedFacility;
        paper.FocusLossLimit = form.FocusLossLimit;
        if (form.RemovePassword) paper.AccessPasswordHash = null;
        else if (!string.IsNullOrWhiteSpace(form.NewPassword)) paper.AccessPasswordHash = PaperAccess.HashPassword(paper, form.NewPassword.Trim());
        paper.BlueprintJson = form.Mode == PaperMode.Blueprint ? form.BlueprintJson() : null;
        paper.FixedQuestionsJson = form.Mode == PaperMode.Fixed ? JsonSerializer.Serialize(form.Fixed().Questions) : null;
        paper.Audience = form.Audience;
        paper.ProgrammeId = programmeId;
        paper.UpdatedAt = now;
        paper.UpdatedById = actorId;
        var versionBefore = paper.Version;
        paper.Version = isNew ? 1 : CertifiedPaperContent.NextVersion(paper.Version, contentBefore, PaperVersioning.Content(paper));
        if (paper.Version != versionBefore)
        {
            db.PaperVersions.Add(new PaperVersion { PaperId = id, Version = paper.Version, AuthorId = actorId, AuthorName = actor.Identity?.Name ?? "", SavedAt = now });
            if (wasApproved)
                audit.Record(actor, AuditActions.PaperApprovalRevoked, $"paper:{id}",
                    $"v{versionBefore} was approved; the change made v{paper.Version}, which awaits approval");
        }

        await db.PaperAssignments.Where(a => a.PaperId == id).ExecuteDeleteAsync(ct);
        await db.PaperAllowances.Where(a => a.PaperId == id).ExecuteDeleteAsync(ct);
        if (form.Audience == PaperAudience.Assigned)
        {
            db.PaperAssignments.AddRange(PaperForm.Lines(form.Organizations).Distinct().Select(v => new PaperAssignment { PaperId = id, Kind = PaperAudience.Organization, Value = v }));
            db.PaperAssignments.AddRange(PaperForm.Lines(form.Departments).Distinct().Select(v => new PaperAssignment { PaperId = id, Kind = PaperAudience.Department, Value = v }));
            db.PaperAssignments.AddRange(PaperForm.Lines(form.Trainees).Select(w => UserId(w)!).Distinct().Select(v => new PaperAssignment { PaperId = id, Kind = PaperAudience.User, Value = v }));
        }
        db.PaperAllowances.AddRange(allowances.GroupBy(a => a.UserId).Select(g => new PaperAllowance { PaperId = id, UserId = g.Key, ExtraMinutes = g.Last().Minutes }));
        audit.Record(actor, form.IsNew ? AuditActions.PaperCreated : AuditActions.PaperUpdated, $"paper:{id}",
            $"v{paper.Version}; before {before}; after {JsonSerializer.Serialize(new { paper.Title, paper.Status, paper.TimeLimitMinutes, paper.PassMark, paper.Audience })}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SavePaperResult(true, []);
    }

    /// <summary>The form's wall-clock times are in the display zone (Display:TimeZone), like every time the site shows.</summary>
    private DateTimeOffset? ToUtc(DateTime? local) => local is { } l ? display.FromLocal(l) : null;
}
