using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.Exams;

/// <summary>What the autosave path needs to know about an attempt, cached so a save costs no extra query.</summary>
public sealed record AttemptKey(string Id, string UserId, DateTimeOffset Deadline, int QuestionCount);

/// <summary>
/// Autosave of one answer (EXAM-API.md PUT …/answers/{ref}): checks ownership, question ref and
/// deadline, then hands the save to the <see cref="AnswerWriter"/> and answers only once it is durable.
/// </summary>
public sealed class SaveAnswer(AppDbContext db, AnswerWriter writer, IMemoryCache cache, TimeProvider clock, IOptions<ExamOptions> options)
{
    public enum Status { Saved, NotFound, Invalid, Stale, Gone }

    public sealed record Result(Status Status, long Seq, DateTimeOffset SavedAt, string? Error = null);

    public async Task<AttemptKey?> KeyAsync(string attemptId, CancellationToken ct)
    {
        if (cache.TryGetValue<AttemptKey>(CacheKey(attemptId), out var key)) return key;
        var row = await db.Attempts.AsNoTracking().Where(a => a.Id == attemptId && a.Status == AttemptStatus.InProgress)
            .Select(a => new { a.Id, a.UserId, a.Deadline, a.LayoutJson }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        key = new AttemptKey(row.Id, row.UserId, row.Deadline, JsonDocument.Parse(row.LayoutJson).RootElement.GetArrayLength());
        cache.Set(CacheKey(attemptId), key, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(20) });
        return key;
    }

    public static string CacheKey(string attemptId) => "attempt-key:" + attemptId;

    public async Task<Result> RunAsync(string attemptId, string userId, int questionRef, JsonElement response, long seq, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = await KeyAsync(attemptId, ct);
        if (key is null)
            // Finished attempts are not cached: tell the owner it is over, and everyone else nothing.
            return await db.Attempts.AnyAsync(a => a.Id == attemptId && a.UserId == userId, ct)
                ? new Result(Status.Gone, 0, now, "考试已结束。") : new Result(Status.NotFound, 0, now);
        if (key.UserId != userId) return new Result(Status.NotFound, 0, now);
        if (questionRef < 0 || questionRef >= key.QuestionCount) return new Result(Status.NotFound, 0, now, "没有这道题。");
        if (seq < 1) return new Result(Status.Invalid, 0, now, "seq 必须是正整数。");
        if (!AttemptDeadline.AcceptsAnswers(key.Deadline, options.Value.Grace, now)) return new Result(Status.Gone, 0, now, "考试时间已到。");
        Domain.Questions.Response parsed;
        try { parsed = ResponseJson.FromElement(response); }
        catch (JsonException e) { return new Result(Status.Invalid, 0, now, "答案格式不正确：" + e.Message); }
        return await SaveCheckedAsync(key, questionRef, parsed, seq, now, ct);
    }

    /// <summary>
    /// The exam form without JavaScript posts every answer at once: the ones that differ from what is
    /// stored are saved (seq = stored + 1), together, through the same writer. Returns null if the
    /// attempt is not this user's or no longer open.
    /// </summary>
    public async Task<IReadOnlyList<Result>?> SaveFormAsync(string attemptId, string userId, IReadOnlyDictionary<int, Domain.Questions.Response> responses, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = await KeyAsync(attemptId, ct);
        if (key is null || key.UserId != userId || !AttemptDeadline.AcceptsAnswers(key.Deadline, options.Value.Grace, now)) return null;
        var stored = await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attemptId)
            .ToDictionaryAsync(a => a.QuestionRef, a => new { a.Seq, a.ResponseJson }, ct);
        var changed = responses.Where(r => r.Key >= 0 && r.Key < key.QuestionCount).Where(r =>
            stored.TryGetValue(r.Key, out var s) ? s.ResponseJson != ResponseJson.Serialize(r.Value) : !ResponseJson.IsBlank(r.Value));
        return await Task.WhenAll(changed.Select(r => SaveCheckedAsync(key, r.Key, r.Value, (stored.TryGetValue(r.Key, out var s) ? s.Seq : 0) + 1, now, ct)));
    }

    private async Task<Result> SaveCheckedAsync(AttemptKey key, int questionRef, Domain.Questions.Response response, long seq, DateTimeOffset now, CancellationToken ct)
    {
        var attemptId = key.Id;
        var json = ResponseJson.Serialize(response);
        if (json.Length > ResponseJson.MaxLength) return new Result(Status.Invalid, 0, now, "答案过长。");

        var saved = await writer.SaveAsync(new AnswerSave(attemptId, questionRef, json, seq, now.ToUnixTimeMilliseconds()), ct);
        return saved.Outcome switch
        {
            SaveOutcome.Saved => new Result(Status.Saved, seq, now),
            SaveOutcome.Stale => new Result(Status.Stale, saved.StoredSeq, now, "已保存更新的答案。"),
            _ => Forget(attemptId, new Result(Status.Gone, 0, now, "考试已结束。")),
        };
    }

    private Result Forget(string attemptId, Result r)
    {
        cache.Remove(CacheKey(attemptId));
        return r;
    }
}
