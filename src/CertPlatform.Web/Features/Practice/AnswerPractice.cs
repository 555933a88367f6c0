using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Practice;

/// <summary>
/// Grades the answer to the current question of a set, records it (a <see cref="PracticeAnswer"/>
/// and the mistake notebook), and returns the sealed feedback. The same question page submitted
/// again (back button, double click) is graded and shown but not recorded a second time, so it
/// cannot clear a notebook entry on its own.
/// </summary>
public sealed class AnswerPractice(AppDbContext db, QuestionVersionCache questions, MistakeNotebook notebook, PracticeTokens tokens,
    PracticeTokenLedger ledger, ContentCatalog catalog, TimeProvider clock)
{
    public async Task<AnswerPracticeResult> RunAsync(PracticeAnswerForm form, string userId, CancellationToken ct)
    {
        var state = tokens.ReadSet(form.S, userId);
        if (state is null) return new AnswerPracticeResult(AnswerPracticeOutcome.NotFound);
        if (state.Finished) return new AnswerPracticeResult(AnswerPracticeOutcome.Finished);
        var item = state.Items[state.Position];
        var q = await PracticeQuestions.LoadAsync(questions, db, item, ct);
        if (q is null) return new AnswerPracticeResult(AnswerPracticeOutcome.NotFound);
        var layout = PracticeLayout.For(q, item.Version, state.ItemSeed(state.Position));

        var displayed = Response.Empty;
        if (!form.GiveUp)
        {
            var mapped = PracticeAnswerMapper.ToResponse(QuestionViews.Of(q, layout), form.Answer);
            if (mapped.Problems.Count > 0) return new AnswerPracticeResult(AnswerPracticeOutcome.Invalid, Problems: mapped.Problems);
            displayed = mapped.Response;
        }
        if (!await ledger.TryUseAsync(state, ct)) return new AnswerPracticeResult(AnswerPracticeOutcome.AlreadyUsed);
        var grade = Grader.Grade(q, AttemptLayout.ToAuthored(q, layout, displayed));
        var now = clock.GetUtcNow();
        var recorded = await RecordAsync(userId, q, state, grade.FullMarks, now, ct);
        var next = state.Answered(PracticeLayout.Percent(grade), now);
        return new AnswerPracticeResult(AnswerPracticeOutcome.Answered, tokens.Protect(new PracticeFeedbackState(next, state.Position, displayed, recorded)));
    }

    private async Task<bool> RecordAsync(string userId, Question q, PracticeState state, bool correct, DateTimeOffset now, CancellationToken ct)
    {
        // An answer to this question recorded after this page was issued means the page was submitted already.
        var issued = DateTimeOffset.FromUnixTimeMilliseconds(state.IssuedAtMs);
        if (await db.PracticeAnswers.AnyAsync(a => a.UserId == userId && a.QuestionId == q.Id && a.At >= issued, ct)) return false;
        var partId = catalog.Find(q.LessonId)?.PartId ?? "";
        db.PracticeAnswers.Add(new PracticeAnswer { UserId = userId, QuestionId = q.Id, LessonId = q.LessonId, PartId = partId, Correct = correct, At = now });
        await notebook.RecordAsync(userId, q.Id, q.LessonId, partId, correct, ct);
        // False when a simultaneous submission of the same page entered the mistake first: that one counts.
        return await db.TrySaveChangesAsync(ct);
    }
}
