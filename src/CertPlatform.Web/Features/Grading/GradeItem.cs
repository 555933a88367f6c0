using System.Globalization;
using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.Analytics;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Features.Results;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Grading;

/// <summary>The grade page of one queue item, and saving the examiner's score.</summary>
public sealed class GradeItem(AppDbContext db, AttemptLoader loader, QuestionVersionCache questions, GradingItemKeys keys, GradingQueue queue,
    IValidator<GradeForm> validator, AuditLog audit, AttemptResultEvents results, TimeProvider clock, IStringLocalizer<SharedResource> L, AttemptDigestWriter digests)
{
    public async Task<GradeItemModel?> LoadAsync(string token, CancellationToken ct)
    {
        if (keys.Read(token) is not (var attemptId, var questionRef)) return null;
        var item = await db.AttemptItems.AsNoTracking().FirstOrDefaultAsync(i => i.AttemptId == attemptId && i.QuestionRef == questionRef, ct);
        var loaded = await loader.ByIdAsync(attemptId, withItems: false, ct);
        if (item is null || loaded is null || item.ManualMax <= 0) return null;
        var attempt = loaded.Attempt;
        var paperTitle = loaded.Paper.Title;
        var layout = loaded.Layout.First(l => l.Ref == questionRef);
        var q = await questions.GetAsync(item.QuestionId, item.Version, db, ct);
        var response = loaded.ResponseTo(questionRef);
        var waiting = (await queue.WaitingAsync(ct)).Count;
        return new GradeItemModel(token, GradingItemKeys.Number(attemptId, attempt.Seed, questionRef), paperTitle, q.Id, item.Version,
            QuestionViews.TypeName(q.Type), q.Type == QuestionType.Case ? q.Scenario : "", q.Stem,
            item.Points, item.AutoScore, item.ManualMax, Parts(q, layout, response), item.NeedsManual && attempt.Status == AttemptStatus.Finished,
            item.ManualScore, item.ManualComment, waiting);
    }

    private List<GradePart> Parts(Question q, LaidOutQuestion layout, Response? displayed)
    {
        var authored = displayed is null ? Response.Empty : AttemptLayout.ToAuthored(q, layout, displayed);
        var grade = Grader.Grade(q, authored);
        var scale = grade.Max > 0 ? layout.Points / grade.Max : 0m;
        decimal Scaled(decimal v) => Math.Round(v * scale, 2, MidpointRounding.AwayFromZero);
        if (q.Type == QuestionType.Essay)
        {
            var text = displayed?.Text ?? "";
            return [new GradePart("", "", true, q.Rubric, Scaled(grade.Max), text, !string.IsNullOrWhiteSpace(text), null)];
        }
        return q.Parts.Select((p, k) =>
        {
            var partGrade = grade.Parts[k];
            var partResponse = displayed is not null && displayed.Parts.TryGetValue(p.Id, out var r) ? r : null;
            var answered = partResponse is not null && !ResponseJson.IsBlank(partResponse);
            var label = ((char)('a' + k)).ToString();
            if (p.Type == QuestionType.Essay)
                return new GradePart(label, p.Stem, true, p.Rubric, Scaled(partGrade.Max), partResponse?.Text ?? "", answered, null);
            var partLayout = new LaidOutQuestion(layout.Ref, p.Id, layout.Version, layout.Section, partGrade.Max,
                layout.PartOrders.TryGetValue(p.Id, out var o) ? o : [], new Dictionary<string, IReadOnlyList<int>>());
            var summary = AnswerSummary.Describe(p, partLayout, partResponse, L);
            return new GradePart(label, p.Stem, false, "", Scaled(partGrade.Max), summary, answered, Scaled(partGrade.Score));
        }).ToList();
    }

    public async Task<GradeItemResult> SaveAsync(string token, GradeForm form, ClaimsPrincipal examiner, CancellationToken ct)
    {
        if (keys.Read(token) is not (var attemptId, var questionRef)) return new GradeItemResult(GradeItemOutcome.NotFound);
        var item = await db.AttemptItems.AsNoTracking().FirstOrDefaultAsync(i => i.AttemptId == attemptId && i.QuestionRef == questionRef, ct);
        if (item is null || item.ManualMax <= 0) return new GradeItemResult(GradeItemOutcome.NotFound);
        form.ManualMax = item.ManualMax;
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid) return new GradeItemResult(GradeItemOutcome.Invalid, validation);
        var score = form.ParsedScore!.Value;
        var comment = (form.Comment ?? "").Trim();
        var by = examiner.Identity?.Name ?? "examiner";
        var now = clock.GetUtcNow();

        Attempt attempt;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Touch the attempt first: two examiners finishing the last two items of one attempt take turns here,
            // so the second one sees the first one's score and the verdict is set exactly once.
            var locked = await db.Attempts.Where(a => a.Id == attemptId && a.Status == AttemptStatus.Finished)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.GradedAt, now), ct);
            // Only an item still waiting takes the score: a second examiner on the same item does not overwrite the first.
            var scored = locked == 0 ? 0 : await db.AttemptItems
                .Where(i => i.AttemptId == attemptId && i.QuestionRef == questionRef && i.ManualScore == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ManualScore, (decimal?)score).SetProperty(i => i.ManualComment, comment)
                    .SetProperty(i => i.GradedBy, by).SetProperty(i => i.GradedAt, now), ct);
            if (scored == 0)
            {
                await tx.RollbackAsync(ct);
                return new GradeItemResult(GradeItemOutcome.AlreadyGraded, NextToken: await queue.NextAsync(attemptId, questionRef, ct));
            }
            attempt = await db.Attempts.FirstAsync(a => a.Id == attemptId, ct);
            var items = await db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attemptId).ToListAsync(ct);
            AttemptGrading.Total(attempt, items, now);
            audit.Record(examiner, AuditActions.GradingScored, $"attempt:{attemptId}#{questionRef}",
                string.Create(CultureInfo.InvariantCulture, $"question {item.QuestionId} v{item.Version}: {score}/{item.ManualMax}") +
                (attempt.Grading == GradingStatus.Final ? string.Create(CultureInfo.InvariantCulture, $"; attempt final {attempt.Score}/{attempt.MaxScore} {(attempt.Passed == true ? "pass" : "fail")}") : ""));
            await db.SaveChangesAsync(ct);
            await digests.WriteAsync([attemptId], ct);
            await tx.CommitAsync(ct);
        }
        var finalised = attempt.Grading == GradingStatus.Final;
        if (finalised) await results.PublishAsync(attempt, ct);
        return new GradeItemResult(GradeItemOutcome.Saved, NextToken: await queue.NextAsync(attemptId, questionRef, ct), Finalised: finalised);
    }
}
