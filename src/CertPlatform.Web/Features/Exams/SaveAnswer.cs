using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Exams.Contract;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// Autosave of one answer (PUT …/answers/{ref}, docs/api.md): checks ownership, question ref, seq and
/// deadline, then hands the save to the <see cref="AnswerWriter"/> and answers only once it is durable.
/// A singleton with no DbContext of its own: owner, deadline and question count come from a cached
/// <see cref="AttemptKey"/> (read once per attempt, removed when the attempt is finished), so a save of
/// an attempt in progress touches the database only through the writer's batch. The rare paths (first
/// save of an attempt, a finished attempt, the no-script form) open a scope of their own.
/// </summary>
public sealed class SaveAnswer(IServiceScopeFactory scopes, AnswerWriter writer, IMemoryCache cache, ExamDeadlines deadlines, Infrastructure.Telemetry.CertPlatformMetrics metrics)
{
    public async Task<AttemptKey?> KeyAsync(string attemptId, CancellationToken ct)
    {
        if (cache.TryGetValue<AttemptKey>(CacheKey(attemptId), out var key)) return key;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.Attempts.AsNoTracking().Where(a => a.Id == attemptId && a.Status == AttemptStatus.InProgress)
            .Select(a => new { a.Id, a.UserId, a.Deadline, a.LayoutJson }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        key = new AttemptKey(row.Id, row.UserId, row.Deadline, JsonDocument.Parse(row.LayoutJson).RootElement.GetArrayLength());
        Remember(cache, key);
        return key;
    }

    /// <summary>
    /// Caches an attempt's key: on its first save, or when <see cref="StartAttempt"/> creates the attempt — on exam day
    /// everyone starts within minutes and then saves, and the first round of saves would otherwise read every attempt.
    /// </summary>
    public static void Remember(IMemoryCache cache, AttemptKey key) =>
        cache.Set(CacheKey(key.Id), key, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(20) });

    public static string CacheKey(string attemptId) => "attempt-key:" + attemptId;

    /// <summary>True when seq (and the base seq, if sent) are in range: 1 ≤ seq ≤ max, 0 ≤ base &lt; seq.</summary>
    public static bool SeqInRange(long seq, long? baseSeq) =>
        seq is >= 1 and <= SaveAnswerRequest.MaxSeq && (baseSeq is null || (baseSeq >= 0 && baseSeq < seq));

    public async Task<SaveAnswerResult> RunAsync(string attemptId, string userId, int questionRef, SaveAnswerRequest request, CancellationToken ct)
    {
        var now = deadlines.Now;
        var key = await KeyAsync(attemptId, ct);
        if (key is null)
        {
            // Finished attempts are not cached: tell the owner it is over, and everyone else nothing.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await db.Attempts.AnyAsync(a => a.Id == attemptId && a.UserId == userId, ct)
                ? new SaveAnswerResult(SaveAnswerOutcome.Finished, 0, now) : new SaveAnswerResult(SaveAnswerOutcome.NotFound, 0, now);
        }
        if (key.UserId != userId) return new SaveAnswerResult(SaveAnswerOutcome.NotFound, 0, now);
        if (questionRef < 0 || questionRef >= key.QuestionCount) return new SaveAnswerResult(SaveAnswerOutcome.NoSuchQuestion, 0, now);
        if (!SeqInRange(request.Seq, request.BaseSeq)) return new SaveAnswerResult(SaveAnswerOutcome.BadSeq, 0, now);
        if (!deadlines.IsOpen(key.Deadline)) return new SaveAnswerResult(SaveAnswerOutcome.TimeUp, 0, now);
        Response parsed;
        try { parsed = ResponseJson.FromElement(request.Response); }
        catch (JsonException e) { return new SaveAnswerResult(SaveAnswerOutcome.BadResponse, 0, now, Detail: e.Message); }
        return await SaveCheckedAsync(key, questionRef, parsed, request.Seq, request.BaseSeq ?? AnswerSave.NoBase, now, ct);
    }

    /// <summary>
    /// The exam form without JavaScript posts every answer at once: the ones that differ from what is
    /// stored are saved (seq = stored + 1, based on the stored seq), together, through the same writer.
    /// Returns null if the attempt is not this user's or no longer open.
    /// </summary>
    public async Task<IReadOnlyList<SaveAnswerResult>?> SaveFormAsync(string attemptId, string userId, IReadOnlyDictionary<int, Response> responses, CancellationToken ct)
    {
        var now = deadlines.Now;
        var key = await KeyAsync(attemptId, ct);
        if (key is null || key.UserId != userId || !deadlines.IsOpen(key.Deadline)) return null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attemptId)
            .ToDictionaryAsync(a => a.QuestionRef, a => new { a.Seq, a.ResponseJson }, ct);
        var changed = responses.Where(r => r.Key >= 0 && r.Key < key.QuestionCount).Where(r =>
            stored.TryGetValue(r.Key, out var s) ? s.ResponseJson != ResponseJson.Serialize(r.Value) : !ResponseJson.IsBlank(r.Value));
        return await Task.WhenAll(changed.Select(r =>
        {
            var baseSeq = stored.TryGetValue(r.Key, out var s) ? s.Seq : 0;
            return SaveCheckedAsync(key, r.Key, r.Value, baseSeq + 1, baseSeq, now, ct);
        }));
    }

    private async Task<SaveAnswerResult> SaveCheckedAsync(AttemptKey key, int questionRef, Response response, long seq, long baseSeq, DateTimeOffset now, CancellationToken ct)
    {
        var json = ResponseJson.Serialize(response);
        if (json.Length > ResponseJson.MaxLength) return new SaveAnswerResult(SaveAnswerOutcome.TooLong, 0, now);

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var saved = await writer.SaveAsync(new AnswerSave(key.Id, questionRef, json, seq, baseSeq, now.ToUnixTimeMilliseconds()), ct);
        metrics.AutosaveDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        switch (saved.Outcome)
        {
            case WriteOutcome.Saved: return new SaveAnswerResult(SaveAnswerOutcome.Saved, seq, now);
            case WriteOutcome.Stale: return new SaveAnswerResult(SaveAnswerOutcome.Stale, saved.StoredSeq, now, saved.StoredResponseJson);
            default:
                cache.Remove(CacheKey(key.Id));
                return new SaveAnswerResult(SaveAnswerOutcome.Finished, 0, now);
        }
    }
}
