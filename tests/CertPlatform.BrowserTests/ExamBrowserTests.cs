using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CertPlatform.BrowserTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPlatform.BrowserTests;

/// <summary>
/// Sitting exams in a real browser against the real site: autosave with an offline spell, flags,
/// submitting, the timer running out, the form without JavaScript, resuming in a new browser, and
/// focus-loss reporting. Each test has a trainee of its own, so no test sees another's attempts.
/// </summary>
[Collection(ExamSiteCollection.Name)]
public sealed class ExamBrowserTests(ExamSiteFixture site)
{
    private const string SaveStatus = "#save-status";

    [Fact]
    public async Task Trainee_sits_the_certification_exam_end_to_end_with_an_offline_spell_a_flag_and_a_submit()
    {
        var user = await site.CreateTraineeAsync();
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LogInAsync(user.Email, user.Password, "/exams");

        // My exams → the paper's page → 开始考试.
        await page.Locator($"#paper-{PaperSeeder.CertificationId} h2 a").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/exams/{PaperSeeder.CertificationId}",
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
        var attemptId = await page.StartFromPaperPageAsync();
        await Expect(page.Locator("#timer")).ToBeVisibleAsync();
        await Expect(page.Locator("#timer")).ToContainTextAsync("剩余时间");

        var questions = await page.QuestionsAsync();
        var layout = await site.QueryAsync(async db => AttemptLayout.Parse(
            (await db.Attempts.AsNoTracking().SingleAsync(a => a.Id == attemptId)).LayoutJson));
        Assert.Equal(layout.Count, questions.Count);
        Assert.Contains(questions, q => q.Type == "case");

        // The exam page gives nothing away: no explanation of any drawn question (or case part).
        var explanations = await site.ExplanationsAsync(attemptId);
        Assert.NotEmpty(explanations);
        AssertNoExplanations(await page.ContentAsync(), explanations, "exam page on arrival");

        // Answer the first half, go offline, change two answers, come back: the queue drains to the server.
        var half = questions.Count / 2;
        foreach (var q in questions.Take(half)) await ExamActions.AnswerAsync(q);
        await page.WaitUntilSavedAsync(attemptId);

        var changed = questions.Take(half).Where(q => q.Type == "single").Take(2).ToList();
        Assert.Equal(2, changed.Count);
        foreach (var q in changed)
            await site.WaitForStoredAnswerAsync(attemptId, q.Ref, r => r.Selected.SequenceEqual([0]), $"first answer to question {q.Ref}");

        await context.SetOfflineAsync(true);
        foreach (var q in changed)
            await q.Fieldset.Locator($"input[name='a{q.Ref}'][value='1']").CheckAsync();
        await Expect(page.Locator(SaveStatus)).ToHaveAttributeAsync("data-state", "offline");
        await Expect(page.Locator(SaveStatus)).ToContainTextAsync("离线");
        Assert.Equal(2, await page.QueuedAnswersAsync(attemptId));
        foreach (var q in changed)
        {
            await Expect(page.Locator($"#nav-{q.Ref}")).ToHaveClassAsync(new Regex(@"\banswered\b"));
            Assert.Equal([0], (await site.AnswersAsync(attemptId))[q.Ref].Selected); // the server has not heard of it yet
        }

        await context.SetOfflineAsync(false);
        await page.WaitUntilSavedAsync(attemptId);
        foreach (var q in changed)
        {
            var stored = await site.WaitForStoredAnswerAsync(attemptId, q.Ref, r => r.Selected.Count > 0 && r.Selected[0] != 0, $"changed answer to question {q.Ref}");
            Assert.Equal([1], stored.Selected);
        }

        // The rest of the paper.
        foreach (var q in questions.Skip(half)) await ExamActions.AnswerAsync(q);
        await page.WaitUntilSavedAsync(attemptId);
        var answers = await site.PollAsync(db => db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attemptId).CountAsync(),
            n => n == questions.Count, "an answer to every question");
        Assert.Equal(questions.Count, answers);
        var stored2 = await site.AnswersAsync(attemptId);
        Assert.All(questions, q => Assert.False(ResponseJson.IsBlank(stored2[q.Ref]), $"question {q.Ref} ({q.Type}) stored blank"));
        foreach (var q in changed) Assert.Equal([1], stored2[q.Ref].Selected);
        await Expect(page.Locator("#navigator a:not(.answered)")).ToHaveCountAsync(0);

        // Flag a question for review: the navigator shows it and the server keeps it.
        var flagged = questions[^1];
        await page.Locator($"button[data-flag='{flagged.Ref}']").ClickAsync();
        await Expect(page.Locator($"#nav-{flagged.Ref}")).ToHaveClassAsync(new Regex(@"\bflagged\b"));
        await Expect(page.Locator($"button[data-flag='{flagged.Ref}']")).ToHaveAttributeAsync("aria-pressed", "true");
        await site.PollAsync(db => db.Attempts.AsNoTracking().Where(a => a.Id == attemptId).Select(a => a.FlagsJson).SingleAsync(),
            json => (JsonSerializer.Deserialize<List<int>>(json) ?? []).Contains(flagged.Ref), $"flag on question {flagged.Ref}");

        // Reloaded, the page shows what the server holds: every answer, and the flag.
        await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.Load });
        await Expect(page.Locator($"#nav-{flagged.Ref}")).ToHaveClassAsync(new Regex(@"\bflagged\b"));
        await Expect(page.Locator($"button[data-flag='{flagged.Ref}']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("button[data-flag][aria-pressed=true]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#navigator a:not(.answered)")).ToHaveCountAsync(0);
        foreach (var q in changed)
            await Expect(page.Locator($"input[name='a{q.Ref}'][value='1']")).ToBeCheckedAsync();

        AssertNoExplanations(await page.ContentAsync(), explanations, "exam page before submitting");

        // 交卷: confirm, then the result page.
        string? confirmText = null;
        page.Dialog += async (_, dialog) =>
        {
            confirmText = dialog.Message;
            await dialog.AcceptAsync();
        };
        await page.Locator("#submit-exam").ClickAsync();
        await page.WaitForResultPageAsync();
        Assert.Equal($"/exams/attempt/{attemptId}/result", page.PathOf());
        Assert.NotNull(confirmText);
        Assert.Contains("未答题：0", confirmText);

        var attempt = await site.AttemptAsync(attemptId);
        Assert.Equal(AttemptStatus.Finished, attempt.Status);
        Assert.Equal("submitted", attempt.FinishReason);
        Assert.NotNull(attempt.Score);
        await AssertResultSummaryAsync(page, attempt);

        var items = await site.QueryAsync(db => db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attemptId).ToListAsync());
        Assert.Equal(questions.Count, items.Count);
        Assert.All(items, i => Assert.True(i.Answered, $"question {i.QuestionRef} ({i.QuestionId}) graded as unanswered"));

        // The paper's review options show explanations, but a certification paper's questions are secure: the review
        // keeps their keys and explanations back and says why (docs/grading.md, question pools).
        var resultHtml = await page.ContentAsync();
        AssertNoExplanations(resultHtml, explanations, "certification review");
        Assert.Contains("此题属于认证题池，不公布答案和解析。", resultHtml);
    }

    [Fact]
    public async Task Submitting_while_offline_waits_for_the_network_and_sends_the_queued_answers_first()
    {
        await using var context = await site.NewContextAsync();
        var (page, attemptId, changed) = await StartMockPart4Async(context, singleChoice: 4);
        foreach (var q in changed) await ExamActions.AnswerAsync(q);
        await page.WaitUntilSavedAsync(attemptId);

        // Offline: change four answers, then 交卷.
        await context.SetOfflineAsync(true);
        foreach (var q in changed)
            await q.Fieldset.Locator($"input[name='a{q.Ref}'][value='1']").CheckAsync();
        await Expect(page.Locator(SaveStatus)).ToHaveAttributeAsync("data-state", "offline");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.Locator("#submit-exam").ClickAsync();

        // Stay offline longer than the page waits for its queue before it tries to submit anyway (10 s):
        // the scenario is about time passing, so this one wait is a plain delay.
        await page.WaitForTimeoutAsync(12_000);
        Assert.Equal(AttemptStatus.InProgress, (await site.AttemptAsync(attemptId)).Status);
        Assert.Equal(4, await page.QueuedAnswersAsync(attemptId));

        // Back online over a slow line (each answer takes a second to go out): the submit must still come last.
        await page.RouteAsync("**/api/attempts/*/answers/*", async route =>
        {
            await Task.Delay(1000);
            await route.ContinueAsync();
        });
        await context.SetOfflineAsync(false);
        await page.WaitForResultPageAsync(SiteFixture.TimeoutMs * 2);

        var attempt = await site.AttemptAsync(attemptId);
        Assert.Equal(AttemptStatus.Finished, attempt.Status);
        Assert.Equal("submitted", attempt.FinishReason);
        var answers = await site.AnswersAsync(attemptId);
        Assert.All(changed, q => Assert.Equal([1], answers[q.Ref].Selected));
    }

    [Fact]
    public async Task A_busy_server_is_asked_again_when_its_Retry_After_says_and_no_answer_is_lost()
    {
        await using var context = await site.NewContextAsync();
        var (page, attemptId, changed) = await StartMockPart4Async(context, singleChoice: 2);

        // The server answers the first two saves and the first submit "503, Retry-After: 3" (its database overloaded,
        // docs/deploy.md), then takes them: the page must wait the 3 s each time (not its usual 2 s) and lose nothing.
        const int retryAfter = 3;
        var saves = new List<DateTime>();
        var submits = new List<DateTime>();
        async Task BusyThenThrough(IRoute route, List<DateTime> seen, int busy)
        {
            int n;
            lock (seen) { seen.Add(DateTime.UtcNow); n = seen.Count; }
            if (n <= busy)
                await route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = 503, ContentType = "application/problem+json", Body = """{"status":503,"title":"busy"}""",
                    Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter.ToString(CultureInfo.InvariantCulture) },
                });
            else await route.ContinueAsync();
        }
        await page.RouteAsync("**/api/attempts/*/answers/*", route => BusyThenThrough(route, saves, 2));
        await page.RouteAsync("**/api/attempts/*/submit", route => BusyThenThrough(route, submits, 1));

        foreach (var q in changed) await ExamActions.AnswerAsync(q);
        await Expect(page.Locator(SaveStatus)).ToHaveAttributeAsync("data-state", "busy");
        await Expect(page.Locator(SaveStatus)).ToHaveAttributeAsync("data-state", "saved", new() { Timeout = SiteFixture.TimeoutMs * 2 });
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.Locator("#submit-exam").ClickAsync();
        await page.WaitForResultPageAsync(SiteFixture.TimeoutMs * 2);

        List<DateTime> s, t;
        lock (saves) s = [.. saves];
        lock (submits) t = [.. submits];
        Assert.True(s.Count >= 4, $"{s.Count} save requests");
        for (var i = 1; i <= 2; i++)
            Assert.True(s[i] - s[i - 1] >= TimeSpan.FromSeconds(retryAfter - 0.1), $"save {i + 1} went {(s[i] - s[i - 1]).TotalSeconds:0.00} s after a busy answer that said {retryAfter} s");
        Assert.Equal(2, t.Count);
        Assert.True(t[1] - t[0] >= TimeSpan.FromSeconds(retryAfter - 0.1), $"the submit was retried {(t[1] - t[0]).TotalSeconds:0.00} s after a busy answer that said {retryAfter} s");
        var attempt = await site.AttemptAsync(attemptId);
        Assert.Equal("submitted", attempt.FinishReason);
        var answers = await site.AnswersAsync(attemptId);
        Assert.All(changed, q => Assert.True(answers.ContainsKey(q.Ref), $"the answer to question {q.Ref} was lost"));
    }

    [Fact]
    public async Task Timer_reaching_zero_submits_the_attempt_and_shows_the_result()
    {
        var user = await site.CreateTraineeAsync();
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LogInAsync(user.Email, user.Password, "/exams");

        // Closing in 20 s: the attempt's deadline is capped at the close time.
        var paperId = await site.CreatePaperAsync("bt-timer", closesAt: DateTimeOffset.UtcNow.AddSeconds(20));
        await page.GotoAsync($"/exams/{paperId}");
        var attemptId = await page.StartFromPaperPageAsync();
        var attempt = await site.AttemptAsync(attemptId);
        Assert.True(attempt.Deadline - DateTimeOffset.UtcNow < TimeSpan.FromSeconds(21), $"deadline {attempt.Deadline:O} not capped at the close time");
        await Expect(page.Locator("#timer")).ToContainTextAsync(new Regex(@"剩余时间 00:[0-2]\d"));

        var question = (await page.QuestionsAsync()).First(q => q.Type == "single");
        await ExamActions.AnswerAsync(question);
        await page.WaitUntilSavedAsync(attemptId);

        // Nobody clicks anything: the page submits itself at zero and goes to the result.
        var wait = attempt.Deadline - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(SiteFixture.TimeoutMs);
        await page.WaitForResultPageAsync((float)wait.TotalMilliseconds);
        Assert.Equal($"/exams/attempt/{attemptId}/result", page.PathOf());
        await Expect(page.Locator("#result-summary")).ToBeVisibleAsync();

        var finished = await site.AttemptAsync(attemptId);
        Assert.Equal(AttemptStatus.Finished, finished.Status);
        Assert.Contains(finished.FinishReason, new[] { "submitted", "deadline" });
        Assert.NotNull(finished.FinishedAt);
        Assert.True(finished.FinishedAt <= finished.Deadline, $"finished {finished.FinishedAt:O} after the deadline {finished.Deadline:O}");
        Assert.Equal([0], (await site.AnswersAsync(attemptId))[question.Ref].Selected);
        var item = await site.QueryAsync(db => db.AttemptItems.AsNoTracking().SingleAsync(i => i.AttemptId == attemptId && i.QuestionRef == question.Ref));
        Assert.True(item.Answered);
    }

    [Fact]
    public async Task Without_JavaScript_the_trainee_saves_answers_with_the_form_and_submits()
    {
        var user = await site.CreateTraineeAsync();
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.LogInAsync(user.Email, user.Password, "/exams");

        await page.GotoAsync("/exams/mock-part3");
        var attemptId = await page.StartFromPaperPageAsync();
        await Expect(page.Locator("#timer")).ToBeHiddenAsync(); // the countdown is JavaScript's; the deadline is printed
        await Expect(page.Locator("button[data-flag]")).ToHaveCountAsync(0); // flags need JavaScript: no dead buttons

        var questions = await page.QuestionsAsync();
        var single = questions.First(q => q.Type == "single");
        var trueFalse = questions.First(q => q.Type == "trueFalse");
        await single.Fieldset.Locator($"input[name='a{single.Ref}'][value='1']").CheckAsync();
        await trueFalse.Fieldset.Locator($"input[name='a{trueFalse.Ref}'][value='false']").CheckAsync();

        // 保存答案: a full form post, the page comes back with the answers selected.
        await page.Locator("button[name=intent][value=save]").ClickAsync();
        await Expect(page.Locator(SaveStatus)).ToContainTextAsync("已保存 2 道题的答案");
        Assert.Equal($"/exams/attempt/{attemptId}", page.PathOf());
        await Expect(page.Locator($"input[name='a{single.Ref}'][value='1']")).ToBeCheckedAsync();
        await Expect(page.Locator($"input[name='a{trueFalse.Ref}'][value='false']")).ToBeCheckedAsync();
        await Expect(page.Locator($"#nav-{single.Ref}")).ToHaveClassAsync(new Regex(@"\banswered\b"));

        var answers = await site.AnswersAsync(attemptId);
        Assert.Equal(2, answers.Count);
        Assert.Equal([1], answers[single.Ref].Selected);
        Assert.False(answers[trueFalse.Ref].TrueFalse);

        // 交卷: no confirmation dialog without JavaScript; straight to the result.
        await page.Locator("#submit-exam").ClickAsync();
        await page.WaitForResultPageAsync();
        Assert.Equal($"/exams/attempt/{attemptId}/result", page.PathOf());

        var attempt = await site.AttemptAsync(attemptId);
        Assert.Equal(AttemptStatus.Finished, attempt.Status);
        Assert.Equal("submitted", attempt.FinishReason);
        await AssertResultSummaryAsync(page, attempt);
        var answeredItems = await site.QueryAsync(db => db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attemptId && i.Answered)
            .Select(i => i.QuestionRef).OrderBy(r => r).ToListAsync());
        Assert.Equal(new[] { single.Ref, trueFalse.Ref }.Order(), answeredItems);
    }

    [Fact]
    public async Task Closing_the_browser_and_coming_back_resumes_the_attempt_with_its_answers()
    {
        var user = await site.CreateTraineeAsync();
        string attemptId;
        ExamQuestion question;
        await using (var first = await site.NewContextAsync())
        {
            var page = await first.NewPageAsync();
            await page.LogInAsync(user.Email, user.Password, "/exams");
            await page.GotoAsync("/exams/mock-part2");
            attemptId = await page.StartFromPaperPageAsync();
            question = (await page.QuestionsAsync()).First(q => q.Type == "single");
            await question.Fieldset.Locator($"input[name='a{question.Ref}'][value='2']").CheckAsync();
            await page.WaitUntilSavedAsync(attemptId);
            await site.WaitForStoredAnswerAsync(attemptId, question.Ref, r => r.Selected.SequenceEqual([2]), "the answer before closing");
            await first.CloseAsync();
        }

        // A new browser (no cookies, no localStorage): sign in again, 我的考试 → 继续作答.
        await using var second = await site.NewContextAsync();
        var again = await second.NewPageAsync();
        await again.LogInAsync(user.Email, user.Password, "/exams");
        var resume = again.Locator("#paper-mock-part2 a.button");
        await Expect(resume).ToHaveTextAsync("继续作答");
        await resume.ClickAsync();
        Assert.Equal(attemptId, await again.WaitForExamPageAsync());
        Assert.Equal(0, await again.QueuedAnswersAsync(attemptId));
        await Expect(again.Locator($"input[name='a{question.Ref}'][value='2']")).ToBeCheckedAsync();
        await Expect(again.Locator($"input[name='a{question.Ref}']:checked")).ToHaveCountAsync(1);
        await Expect(again.Locator($"#nav-{question.Ref}")).ToHaveClassAsync(new Regex(@"\banswered\b"));
        await Expect(again.Locator("#navigator a.answered")).ToHaveCountAsync(1);
        Assert.Equal(AttemptStatus.InProgress, (await site.AttemptAsync(attemptId)).Status);
    }

    [Fact]
    public async Task Leaving_the_exam_page_is_recorded_and_the_trainee_is_warned_at_the_limit()
    {
        var user = await site.CreateTraineeAsync();
        var paperId = await site.CreatePaperAsync("bt-focus", focusLossLimit: 1);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LogInAsync(user.Email, user.Password, "/exams");
        await page.GotoAsync($"/exams/{paperId}");
        var attemptId = await page.StartFromPaperPageAsync();
        await Expect(page.Locator("#timer")).ToBeVisibleAsync(); // exam.js is running
        await Expect(page.Locator("#exam-warning")).ToBeHiddenAsync();

        // The tab goes to the background (what switching tabs or minimising does).
        await page.EvaluateAsync("""
            () => {
              Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
              Object.defineProperty(document, 'hidden', { value: true, configurable: true });
              document.dispatchEvent(new Event('visibilitychange'));
            }
            """);

        await Expect(page.Locator("#exam-warning")).ToBeVisibleAsync();
        await Expect(page.Locator("#exam-warning")).ToContainTextAsync("1 次");
        var events = await site.PollAsync(db => db.AttemptEvents.AsNoTracking().Where(e => e.AttemptId == attemptId).Select(e => e.Kind).ToListAsync(),
            kinds => kinds.Count >= 1, "a focus-loss event");
        Assert.Contains("tab-hidden", events);
        Assert.True((await site.AttemptAsync(attemptId)).FocusLossCount >= 1);
    }

    /// <summary>
    /// A new trainee signs in within <paramref name="context"/> (the test owns it and disposes it), starts mock-part4 and
    /// takes its first <paramref name="singleChoice"/> single-choice questions (not answered yet).
    /// </summary>
    private async Task<(IPage Page, string AttemptId, List<ExamQuestion> Questions)> StartMockPart4Async(IBrowserContext context, int singleChoice)
    {
        var user = await site.CreateTraineeAsync();
        var page = await context.NewPageAsync();
        await page.LogInAsync(user.Email, user.Password, "/exams");
        await page.GotoAsync("/exams/mock-part4");
        var attemptId = await page.StartFromPaperPageAsync();
        var questions = (await page.QuestionsAsync()).Where(q => q.Type == "single").Take(singleChoice).ToList();
        Assert.Equal(singleChoice, questions.Count);
        return (page, attemptId, questions);
    }

    private static void AssertNoExplanations(string html, IReadOnlyList<string> explanations, string where)
    {
        var leaked = explanations.Where(e => ExamActions.HtmlContains(html, e)).ToList();
        Assert.True(leaked.Count == 0, $"{where} contains {leaked.Count} explanation(s), e.g. {leaked.FirstOrDefault()}");
    }

    /// <summary>The result page's summary matches the stored attempt: score and verdict, or "awaiting an examiner".</summary>
    private static async Task AssertResultSummaryAsync(IPage page, Attempt attempt)
    {
        var summary = page.Locator("#result-summary");
        await Expect(summary).ToBeVisibleAsync();
        if (attempt.Grading == GradingStatus.Final)
        {
            await Expect(page.Locator("#score")).ToBeVisibleAsync();
            var shown = decimal.Parse((await page.Locator("#score").TextContentAsync() ?? "").Trim(), CultureInfo.InvariantCulture);
            Assert.Equal(attempt.Score, shown);
            await Expect(page.Locator("#verdict")).ToHaveTextAsync(attempt.Passed == true ? "通过" : "未通过");
        }
        else
        {
            Assert.Equal(GradingStatus.AwaitingManual, attempt.Grading);
            await Expect(summary).ToContainTextAsync("待阅卷");
            await Expect(summary).ToContainTextAsync((attempt.Score ?? 0).ToString(CultureInfo.InvariantCulture));
        }
    }
}
