using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Statistics;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Writes (or rewrites) the <see cref="AttemptDigest"/> of attempts from their stored items, layout and answers. An
/// examiner's score and a regrade call it after saving marks and before committing (the digest is in their
/// transaction); finishing an attempt calls it just after its commit, keeping these reads out of SQLite's write lock
/// in a submit storm (a digest whose GradedAt is not the attempt's is ignored, so a missing one is safe); the start-up backfill calls it for attempts graded before digests existed. The chosen options are
/// mapped to authored indices exactly as the statistics page's slow path maps them (<see cref="ResponseTally"/>).
/// </summary>
public sealed class AttemptDigestWriter(AppDbContext db, QuestionVersionCache questions, SqliteWriteGate gate)
{
    private const int Batch = 200;

    /// <summary>Only what a digest needs from a laid-out question (the layout JSON has more; it is skipped).</summary>
    private sealed record Slim(int Ref, string QuestionId, int Version, int[] Order);

    public async Task WriteAsync(IReadOnlyCollection<string> attemptIds, CancellationToken ct)
    {
        foreach (var batch in attemptIds.Distinct().Chunk(Batch))
        {
            var ids = batch.ToList();
            var attempts = await db.Attempts.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.PaperId, a.PaperVersion, a.FinishedAt, a.Score, a.GradedAt, a.LayoutJson }).ToListAsync(ct);
            var items = (await db.AttemptItems.AsNoTracking().Where(i => ids.Contains(i.AttemptId))
                .Select(i => new { i.AttemptId, i.QuestionRef, i.QuestionId, i.Version, i.Section, i.PartId, i.Points, i.AutoScore, i.ManualScore })
                .ToListAsync(ct)).ToLookup(i => i.AttemptId);
            var answers = (await db.AttemptAnswers.AsNoTracking().Where(x => ids.Contains(x.AttemptId))
                .Select(x => new { x.AttemptId, x.QuestionRef, x.ResponseJson }).ToListAsync(ct))
                .ToDictionary(x => (x.AttemptId, x.QuestionRef), x => x.ResponseJson);
            var layouts = attempts.ToDictionary(a => a.Id, a => (JsonSerializer.Deserialize<List<Slim>>(a.LayoutJson) ?? []).ToDictionary(l => l.Ref));
            var laidOut = await questions.GetAsync(layouts.Values.SelectMany(l => l.Values).Select(l => (l.QuestionId, l.Version)), db, ct);
            var existing = await db.AttemptDigests.Where(d => ids.Contains(d.AttemptId)).ToDictionaryAsync(d => d.AttemptId, ct);
            foreach (var a in attempts)
            {
                var layout = layouts[a.Id];
                var slots = items[a.Id].OrderBy(i => i.QuestionRef).Select(i => Slot(i.QuestionRef, i.Section, i.QuestionId, i.Version, i.PartId,
                    (double)i.AutoScore + (i.ManualScore is { } manual ? (double)manual : 0), (double)i.Points,
                    layout.TryGetValue(i.QuestionRef, out var l) ? (l.QuestionId, l.Version, l.Order) : null, laidOut,
                    answers.TryGetValue((a.Id, i.QuestionRef), out var json) ? json : null)).ToList();
                if (!existing.TryGetValue(a.Id, out var digest))
                {
                    digest = new AttemptDigest { AttemptId = a.Id, PaperId = a.PaperId, Body = [] };
                    db.AttemptDigests.Add(digest);
                }
                digest.PaperVersion = a.PaperVersion;
                digest.FinishedAt = a.FinishedAt;
                digest.Score = a.Score;
                digest.GradedAt = a.GradedAt;
                digest.Body = AttemptDigestCodec.Encode(slots);
            }
            await SaveAsync(ct);
        }
    }

    /// <summary>
    /// The digest of an attempt just graded, from what the grader holds in memory (the stored attempt, its new items, the
    /// answers it graded, the layout and the pinned question versions): no reads. The same slots <see cref="WriteAsync"/>
    /// computes from the stored rows (AttemptDigestTests compares the two).
    /// </summary>
    public static AttemptDigest Build(Attempt attempt, IEnumerable<AttemptItem> items, IReadOnlyList<LaidOutQuestion> layout,
        IReadOnlyDictionary<(string Id, int Version), Question> questions, IReadOnlyDictionary<int, AttemptAnswer> answers)
    {
        var byRef = layout.ToDictionary(l => l.Ref);
        var slots = items.OrderBy(i => i.QuestionRef).Select(i => Slot(i.QuestionRef, i.Section, i.QuestionId, i.Version, i.PartId,
            (double)i.AutoScore + (i.ManualScore is { } manual ? (double)manual : 0), (double)i.Points,
            byRef.TryGetValue(i.QuestionRef, out var l) ? (l.QuestionId, l.Version, l.Order) : null, questions,
            answers.TryGetValue(i.QuestionRef, out var answer) ? answer.ResponseJson : null)).ToList();
        return new AttemptDigest
        {
            AttemptId = attempt.Id, PaperId = attempt.PaperId, PaperVersion = attempt.PaperVersion, FinishedAt = attempt.FinishedAt,
            Score = attempt.Score, GradedAt = attempt.GradedAt, Body = AttemptDigestCodec.Encode(slots),
        };
    }

    /// <summary>One slot: the mark, and the chosen options (authored indices) of a question that has options and was laid out.</summary>
    private static DigestSlot Slot(int questionRef, int section, string questionId, int version, string partId, double mark, double max,
        (string QuestionId, int Version, IReadOnlyList<int> Order)? laid, IReadOnlyDictionary<(string Id, int Version), Question> questions, string? json)
    {
        if (laid is not { } l || !ResponseTally.HasOptions(questions[(l.QuestionId, l.Version)]))
            return new DigestSlot(questionRef, section, questionId, version, partId, mark, max, 0, []);
        var chosen = json is null ? [] : ResponseTally.Chosen(questions[(l.QuestionId, l.Version)], l.Order, json);
        return new DigestSlot(questionRef, section, questionId, version, partId, mark, max, l.Version, chosen);
    }

    /// <summary>Inside a caller's transaction the caller already holds the write lock; on its own the insert waits at the gate.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        using (await gate.EnterAsync("digest", ct)) await db.SaveChangesAsync(ct);
    }
}
