using System.Net;
using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// Builders for the set-up the integration tests share: a signed-in user of a role, a fixed paper, an attempt sat
/// and submitted, a certificate earned by passing. Tests say what they need and leave the how to these.
/// </summary>
public static class TestData
{
    /// <summary>The seeded demo account of <paramref name="role"/>, signed in (cookie only; add the API header with WithApiTokenAsync).</summary>
    public static Task<HttpClient> AUser(this AppFactory factory, string role) =>
        factory.SignedInClient(Demo.Account(role).Email, Demo.Account(role).Password);

    /// <summary>A published fixed paper for everyone (30 minutes) with the given questions and points.</summary>
    public static async Task APaper(this AppFactory factory, string id, string kind, decimal passMark, params (string Id, decimal Points)[] questions)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Papers.Add(new Paper
        {
            Id = id, Title = "测试试卷 " + id, Kind = kind, Status = PaperStatus.Published, Audience = PaperAudience.Everyone, TimeLimitMinutes = 30, PassMark = passMark,
            FixedQuestionsJson = JsonSerializer.Serialize(questions.Select(q => new FixedQuestion(q.Id, q.Points)).ToList()),
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Starts <paramref name="paperId"/> through the API for <paramref name="trainee"/> (who needs the API header), answers
    /// every question with its key (or as <paramref name="answer"/> says) and submits.
    /// </summary>
    public static async Task<FinishedAttempt> AFinishedAttempt(this AppFactory factory, HttpClient trainee, string paperId = PaperSeeder.CertificationId,
        Func<Question, LaidOutQuestion, Response?>? answer = null)
    {
        var attemptId = await ExamScenario.StartAsync(trainee, paperId);
        await ExamScenario.AnswerAsync(factory, attemptId, answer ?? ExamKeys.DisplayedKey);
        var submitted = await trainee.SubmitAsync(attemptId);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var result = await submitted.JsonAsync();
        return new FinishedAttempt(attemptId, (bool)result["passed"]!, (string?)result["certificateId"]);
    }

    /// <summary>
    /// Passes <paramref name="paperId"/> (the certification paper by default) as <paramref name="trainee"/> with every answer
    /// right; whether a certificate issued is the caller's to check (held, refused or issued).
    /// </summary>
    public static async Task<FinishedAttempt> APass(this AppFactory factory, HttpClient trainee, string paperId = PaperSeeder.CertificationId)
    {
        var attempt = await factory.AFinishedAttempt(trainee, paperId);
        Assert.True(attempt.Passed);
        return attempt;
    }

    /// <summary>Passes the certification paper as <paramref name="trainee"/> and returns the certificate that issued.</summary>
    public static async Task<Certificate> ACertificate(this AppFactory factory, HttpClient trainee)
    {
        var attempt = await factory.APass(trainee);
        Assert.NotNull(attempt.CertificateId);
        return await factory.ScopedAsync(db => db.Certificates.SingleAsync(c => c.Id == attempt.CertificateId));
    }
}
