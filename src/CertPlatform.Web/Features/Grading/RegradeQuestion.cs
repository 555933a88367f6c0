using System.Globalization;
using System.Security.Claims;
using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.Analytics;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Features.Results;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Grading;

/// <summary>
/// After an examiner corrects a question (a new version), regrades the finished attempts that were graded
/// against an earlier version: the stored response is graded again against the current version, manual
/// scores are kept (capped at what the new version allows), and each attempt's total and verdict are
/// recomputed — all in one transaction. Every attempt whose score or verdict changed gets an audit entry
/// with before and after; one whose verdict crossed the pass mark is flagged for examiners; a newly passed
/// certification is announced (the certification handlers are idempotent).
/// </summary>
public sealed class RegradeQuestion(AppDbContext db, QuestionVersionCache questions, ContentCatalog catalog, AuditLog audit, AttemptResultEvents results, TimeProvider clock,
    AttemptDigestWriter digests)
{
    private const int Batch = 200;

    public async Task<RegradePageModel?> LoadAsync(string questionId, CancellationToken ct)
    {
        var record = await db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == questionId, ct);
        if (record is null) return null;
        var q = await questions.GetAsync(record.Id, record.CurrentVersion, db, ct);
        var used = await (from i in db.AttemptItems
                          join a in db.Attempts on i.AttemptId equals a.Id
                          where i.QuestionId == questionId && a.Status == AttemptStatus.Finished
                          group i by i.Version into g
                          select new { Version = g.Key, Attempts = g.Select(x => x.AttemptId).Distinct().Count() }).ToListAsync(ct);
        var rows = used.OrderByDescending(u => u.Version).Select(u => new RegradeVersionRow(u.Version, u.Attempts, u.Version == record.CurrentVersion)).ToList();
        return new RegradePageModel(record.Id, QuestionViews.TypeName(q.Type), AnswerSummary.Excerpt(q, 120), record.CurrentVersion, rows);
    }

    public async Task<RegradeOutcome?> RunAsync(string questionId, ClaimsPrincipal examiner, CancellationToken ct)
    {
        var newlyPassed = new List<Attempt>();
        var regraded = 0;
        var changed = 0;
        var crossed = 0;
        int current;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var record = await db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == questionId, ct);
            if (record is null) return null;
            current = record.CurrentVersion;
            var q = await questions.GetAsync(questionId, current, db, ct);
            var partId = catalog.Find(q.LessonId)?.PartId ?? "";
            var attemptIds = await (from i in db.AttemptItems
                                    join a in db.Attempts on i.AttemptId equals a.Id
                                    where i.QuestionId == questionId && i.Version < current && a.Status == AttemptStatus.Finished
                                    select i.AttemptId).Distinct().ToListAsync(ct);
            var now = clock.GetUtcNow();
            foreach (var batch in attemptIds.Order(StringComparer.Ordinal).Chunk(Batch))
            {
                var ids = batch.ToList();
                var attempts = await db.Attempts.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
                var items = (await db.AttemptItems.Where(i => ids.Contains(i.AttemptId)).ToListAsync(ct)).ToLookup(i => i.AttemptId);
                var refs = items.SelectMany(g => g).Where(i => i.QuestionId == questionId).Select(i => i.QuestionRef).Distinct().ToList();
                var answers = (await db.AttemptAnswers.AsNoTracking().Where(x => ids.Contains(x.AttemptId) && refs.Contains(x.QuestionRef))
                    .Select(x => new { x.AttemptId, x.QuestionRef, x.ResponseJson }).ToListAsync(ct))
                    .ToDictionary(x => (x.AttemptId, x.QuestionRef), x => x.ResponseJson);

                foreach (var attempt in attempts)
                {
                    var own = items[attempt.Id].ToList();
                    var layout = AttemptLayout.Parse(attempt.LayoutJson);
                    var (scoreBefore, passedBefore, gradingBefore) = (attempt.Score, attempt.Passed, attempt.Grading);
                    var versions = new SortedSet<int>();
                    foreach (var item in own.Where(i => i.QuestionId == questionId && i.Version < current))
                    {
                        var laid = layout.First(l => l.Ref == item.QuestionRef);
                        var response = answers.TryGetValue((attempt.Id, item.QuestionRef), out var json) ? ResponseJson.Deserialize(json) : null;
                        var again = AttemptScoring.Score(laid with { Version = current }, q, response);
                        versions.Add(item.Version);
                        item.Version = current;
                        item.LessonId = q.LessonId;
                        item.PartId = partId;
                        item.AutoScore = again.AutoScore;
                        item.ManualMax = again.ManualMax;
                        item.Answered = again.Answered;
                        item.Correct = again.Correct;
                        // The examiner's judgement stands, within what the corrected question allows.
                        if (item.ManualScore is { } manual) item.ManualScore = again.ManualMax > 0 ? Math.Min(manual, again.ManualMax) : null;
                    }
                    AttemptGrading.Total(attempt, own, now);
                    regraded++;
                    var verdictChanged = passedBefore != attempt.Passed;
                    if (scoreBefore == attempt.Score && !verdictChanged && gradingBefore == attempt.Grading) continue;
                    changed++;
                    if (passedBefore is not null && attempt.Passed is not null && verdictChanged)
                    {
                        attempt.PassChangedByRegrade = true;
                        crossed++;
                    }
                    if (attempt.Passed == true && passedBefore != true) newlyPassed.Add(attempt);
                    audit.Record(examiner, AuditActions.GradingRegraded, $"attempt:{attempt.Id}", string.Create(CultureInfo.InvariantCulture,
                        $"question {questionId} v{string.Join(",v", versions)}→v{current}; score {scoreBefore}→{attempt.Score} of {attempt.MaxScore}; " +
                        $"verdict {Verdict(passedBefore)}→{Verdict(attempt.Passed)}; paper {attempt.PaperId}"));
                }
                await db.SaveChangesAsync(ct);
                await digests.WriteAsync(ids, ct);
                db.ChangeTracker.Clear();
            }
            await tx.CommitAsync(ct);
        }
        foreach (var attempt in newlyPassed) await results.PublishAsync(attempt, ct);
        return new RegradeOutcome(current, regraded, changed, crossed);
    }

    private static string Verdict(bool? passed) => passed switch { true => "pass", false => "fail", null => "pending" };
}
