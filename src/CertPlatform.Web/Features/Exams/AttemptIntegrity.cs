using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Exams;

/// <summary>Flags for review and focus-loss / tab-switch events on an attempt in progress.</summary>
public sealed class AttemptIntegrity(AppDbContext db, TimeProvider clock)
{
    public async Task<FlagResult> FlagAsync(string attemptId, string userId, int questionRef, bool flagged, CancellationToken ct)
    {
        var a = await db.Attempts.FirstOrDefaultAsync(x => x.Id == attemptId && x.UserId == userId && x.Status == AttemptStatus.InProgress, ct);
        if (a is null) return new FlagResult(FlagOutcome.NotFound, []);
        if (questionRef < 0 || questionRef >= AttemptLayout.Parse(a.LayoutJson).Count) return new FlagResult(FlagOutcome.NoSuchQuestion, []);
        var flags = (JsonSerializer.Deserialize<List<int>>(a.FlagsJson) ?? []).ToHashSet();
        if (flagged) flags.Add(questionRef); else flags.Remove(questionRef);
        var list = flags.Order().ToList();
        a.FlagsJson = JsonSerializer.Serialize(list);
        await db.SaveChangesAsync(ct);
        return new FlagResult(FlagOutcome.Changed, list);
    }

    public async Task<(int Count, int? Limit)?> RecordAsync(string attemptId, string userId, string kind, string detail, CancellationToken ct)
    {
        var a = await db.Attempts.FirstOrDefaultAsync(x => x.Id == attemptId && x.UserId == userId && x.Status == AttemptStatus.InProgress, ct);
        if (a is null) return null;
        db.AttemptEvents.Add(new AttemptEvent { AttemptId = attemptId, Kind = kind, At = clock.GetUtcNow(), Detail = detail.Length > 200 ? detail[..200] : detail });
        if (kind != AttemptEventKind.FocusBack) a.FocusLossCount++;
        await db.SaveChangesAsync(ct);
        var limit = await db.Papers.Where(p => p.Id == a.PaperId).Select(p => p.FocusLossLimit).FirstAsync(ct);
        return (a.FocusLossCount, limit);
    }
}
