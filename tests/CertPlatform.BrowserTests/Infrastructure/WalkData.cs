using System.Security.Cryptography;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.Certificates;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertPlatform.BrowserTests.Infrastructure;

/// <summary>
/// Real ids for the page walk and the README screenshots, made once per site: the demo trainee's finished attempt
/// (taken in the browser, so the result page has a real review), an attempt still open (the exam page), and an
/// issued certificate (rendered and signed by the app) with its verification code.
/// </summary>
public sealed record WalkData(
    string LessonId, string PaperId, string QuestionId, string TraineeUserId, string FinishedAttemptId, string OpenAttemptId,
    string CertificateId, string VerificationCode)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<SiteFixture, WalkData> Made = [];

    public static async Task<WalkData> ForAsync(SiteFixture site)
    {
        await Gate.WaitAsync();
        try
        {
            if (Made.TryGetValue(site, out var made)) return made;
            return Made[site] = await CreateAsync(site);
        }
        finally { Gate.Release(); }
    }

    private static async Task<WalkData> CreateAsync(SiteFixture site)
    {
        var trainee = DemoAccounts.All.Single(a => a.Role == Roles.Trainee);
        var (lessonId, questionId, userId) = await site.QueryAsync(async db => (
            await db.Questions.AsNoTracking().OrderBy(q => q.Id).Select(q => q.LessonId).FirstAsync(),
            await db.Questions.AsNoTracking().OrderBy(q => q.Id).Select(q => q.Id).FirstAsync(),
            await db.Users.Where(u => u.Email == trainee.Email).Select(u => u.Id).SingleAsync()));

        // One attempt finished through the page (answers: the first option, "true", ... — some right, some wrong).
        var paperId = await site.CreatePaperAsync("walk");
        string finished, open;
        await using (var context = await site.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } }))
        {
            var page = await context.NewPageAsync();
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await page.LogInAsync(trainee.Email, trainee.Password, "/exams");
            await page.GotoAsync($"/exams/{paperId}");
            finished = await page.StartFromPaperPageAsync();
            foreach (var q in await page.QuestionsAsync()) await ExamActions.AnswerAsync(q);
            await page.WaitUntilSavedAsync(finished);
            await page.Locator("#submit-exam").ClickAsync();
            await page.WaitForResultPageAsync();
            // A second attempt left open: the exam page as a trainee sees it mid-exam (two answers given).
            await page.GotoAsync($"/exams/{paperId}");
            open = await page.StartFromPaperPageAsync();
            foreach (var q in (await page.QuestionsAsync()).Where(q => q.Type == "single").Take(2)) await ExamActions.AnswerAsync(q);
            await page.WaitUntilSavedAsync(open);
        }

        // A passed certification attempt and the certificate the app issues for it.
        var attemptId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        string certificateId;
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.Attempts.Add(new Attempt
            {
                Id = attemptId, PaperId = PaperSeeder.CertificationId, UserId = userId, Number = 1, Status = AttemptStatus.Finished,
                StartedAt = now.AddHours(-2), Deadline = now.AddMinutes(-30), FinishedAt = now.AddHours(-1), LayoutJson = "{}",
                Grading = GradingStatus.Final, Score = 86.5m, MaxScore = 100, PassMark = 60, Passed = true, GradedAt = now.AddHours(-1),
            });
            await db.SaveChangesAsync();
            certificateId = await scope.ServiceProvider.GetRequiredService<IssueCertificate>().IssueAsync(attemptId, CancellationToken.None)
                ?? throw new InvalidOperationException("the certification attempt was not eligible for a certificate");
        }
        var code = await site.QueryAsync(db => db.Certificates.Where(c => c.Id == certificateId).Select(c => c.VerificationCode).SingleAsync());
        return new WalkData(lessonId, paperId, questionId, userId, finished, open, certificateId, code);
    }
}
