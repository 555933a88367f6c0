using System.Net;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>Trainees, attempts started through the API and answers written straight into an attempt (papers and finished attempts: <see cref="TestData"/>).</summary>
public static class ExamScenario
{
    public const string Essay = "p2-customer-care-q08";   // 10 points, rubric
    public const string Single = "p2-customer-care-q01";  // single choice
    public const string SecureSingle = "p1-after-sales-service-q09";  // single choice, secure pool (certification papers)

    public static async Task<HttpClient> TraineeAsync(AppFactory factory, string? email = null, string fullName = "另一位学员", string? employeeNumber = null, string organization = "") =>
        email is null
            ? await (await factory.AUser(Roles.Trainee)).WithApiTokenAsync()
            : await factory.NewTraineeClientAsync(email, u => { u.FullName = fullName; u.EmployeeNumber = employeeNumber; u.Organization = organization; });

    public static async Task<string> StartAsync(HttpClient trainee, string paperId)
    {
        var r = await trainee.StartAsync(paperId);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (string)(await r.JsonAsync())["attemptId"]!;
    }

    /// <summary>Stores an answer per question (displayed positions), as the autosave would; null leaves a question unanswered.</summary>
    public static async Task AnswerAsync(AppFactory factory, string attemptId, Func<Question, LaidOutQuestion, Response?> answer)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var questions = scope.ServiceProvider.GetRequiredService<QuestionVersionCache>();
        var attempt = await db.Attempts.SingleAsync(a => a.Id == attemptId);
        foreach (var l in AttemptLayout.Parse(attempt.LayoutJson))
        {
            var q = await questions.GetAsync(l.QuestionId, l.Version, db, CancellationToken.None);
            if (answer(q, l) is { } r)
                db.AttemptAnswers.Add(new AttemptAnswer { AttemptId = attemptId, QuestionRef = l.Ref, ResponseJson = ResponseJson.Serialize(r), Seq = 1 });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A wrong option of a single-choice question, in displayed positions.</summary>
    public static Response WrongChoice(Question q, LaidOutQuestion l)
    {
        var wrong = q.Options.Select((o, i) => (o, i)).First(x => !x.o.Correct).i;
        return new Response { Selected = [l.Order.ToList().IndexOf(wrong)] };
    }

    public static async Task SubmitAsync(HttpClient trainee, string attemptId) =>
        Assert.Equal(HttpStatusCode.OK, (await trainee.SubmitAsync(attemptId)).StatusCode);

    public static Task<Attempt> AttemptAsync(AppFactory factory, string attemptId) =>
        factory.ScopedAsync(db => db.Attempts.AsNoTracking().SingleAsync(a => a.Id == attemptId));
}
