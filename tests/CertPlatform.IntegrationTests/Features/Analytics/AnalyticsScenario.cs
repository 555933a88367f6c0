using System.Text.Json;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Exams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Features.Analytics;

/// <summary>Batches of real attempts (started, answered and submitted through the exam API) for the analytics tests.</summary>
internal static class AnalyticsScenario
{
    /// <summary>A right answer, or a wrong one (the last wrong option; the opposite of true/false), in displayed positions.</summary>
    public static Response? Answer(Question q, LaidOutQuestion l, bool right)
    {
        if (right) return ExamKeys.DisplayedKey(q, l);
        return q.Type switch
        {
            QuestionType.Single or QuestionType.Multiple => new Response { Selected = [l.Order.ToList().IndexOf(q.Options.Select((o, i) => (o, i)).Last(x => !x.o.Correct).i)] },
            QuestionType.TrueFalse => new Response { TrueFalse = !q.TrueFalseAnswer },
            _ => null,
        };
    }

    /// <summary>
    /// One trainee per entry of <paramref name="rightAnswer"/> sits <paramref name="paperId"/>; trainee t answers the question at
    /// display position r right when rightAnswer[t](question id, r) says so. Essay parts an examiner would grade get 0, so every
    /// attempt ends with a final result. Returns the attempt ids.
    /// </summary>
    public static async Task<List<string>> SitAsync(AppFactory factory, string paperId, IReadOnlyList<Func<string, int, bool>> rightAnswer, string organization = "")
    {
        var ids = new List<string>();
        for (var t = 0; t < rightAnswer.Count; t++)
        {
            var trainee = await ExamScenario.TraineeAsync(factory, $"{paperId}-{t}@demo.local", $"学员{t}", $"A{t:000}", organization);
            var attempt = await ExamScenario.StartAsync(trainee, paperId);
            var decide = rightAnswer[t];
            await ExamScenario.AnswerAsync(factory, attempt, (q, l) => Answer(q, l, decide(q.Id, l.Ref)));
            await ExamScenario.SubmitAsync(trainee, attempt);
            ids.Add(attempt);
        }
        await GradeManualPartsAsZeroAsync(factory, ids);
        return ids;
    }

    private static async Task GradeManualPartsAsZeroAsync(AppFactory factory, List<string> ids)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var attempts = await db.Attempts.Where(a => ids.Contains(a.Id) && a.Grading == GradingStatus.AwaitingManual).ToListAsync();
        foreach (var a in attempts)
        {
            var items = await db.AttemptItems.Where(i => i.AttemptId == a.Id).ToListAsync();
            foreach (var i in items.Where(i => i.NeedsManual)) i.ManualScore = 0;
            AttemptGrading.Total(a, items, DateTimeOffset.UtcNow);
        }
        await db.SaveChangesAsync();
    }

    public static async Task<List<string>> ReadyQuestionsAsync(AppFactory factory, string type, int count) =>
        await factory.ScopedAsync(db => db.Questions.AsNoTracking().Where(q => q.Type == type && q.Status == "Ready" && q.Pool == Web.Domain.Questions.QuestionPool.Practice).OrderBy(q => q.Id).Select(q => q.Id).Take(count).ToListAsync());

    public static async Task CreateBlueprintPaperAsync(AppFactory factory, string id, BlueprintSection section, bool excludeFlagged)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Papers.Add(new Paper
        {
            Id = id, Title = "蓝图试卷 " + id, Kind = "mock", Status = "draft", TimeLimitMinutes = 30, PassMark = 60,
            BlueprintJson = JsonSerializer.Serialize(new[] { section }), DrawExcludeFlagged = excludeFlagged,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
