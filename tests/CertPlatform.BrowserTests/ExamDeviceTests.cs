using CertPlatform.BrowserTests.Infrastructure;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPlatform.BrowserTests;

/// <summary>
/// Exam-day edge cases in a real browser: one attempt open on two devices (an answer queued offline on one
/// never overwrites a newer one saved on the other), and a page reloaded just after time ran out still
/// sends what was queued offline before the attempt is finished. Each test has a trainee of its own.
/// </summary>
[Collection(ExamSiteCollection.Name)]
public sealed class ExamDeviceTests(ExamSiteFixture site)
{
    private const string SaveStatus = "#save-status";

    [Fact]
    public async Task An_answer_queued_on_one_device_never_overwrites_a_newer_one_from_another_and_the_page_says_which_was_kept()
    {
        await using var laptopBrowser = await TraineeBrowser.NewTraineeAsync(site);
        var (laptopContext, laptop) = (laptopBrowser.Context, laptopBrowser.Page);
        await laptop.GotoAsync("/exams/mock-part1");
        var attemptId = await laptop.StartFromPaperPageAsync();
        var question = (await laptop.QuestionsAsync()).First(q => q.Type == "single");
        string Choice(int value) => $"input[name='a{question.Ref}'][value='{value}']";

        // The laptop loses the network; the trainee picks an answer there: it waits in the laptop's queue.
        await laptopContext.SetOfflineAsync(true);
        await laptop.Locator(Choice(1)).CheckAsync();
        await Expect(laptop.Locator(SaveStatus)).ToHaveAttributeAsync("data-state", "offline");
        Assert.Equal(1, await laptop.QueuedAnswersAsync(attemptId));

        // Later, on a phone (another browser), the trainee answers the same question differently: saved.
        await using var phoneBrowser = await laptopBrowser.AnotherDeviceAsync(site, $"/exams/attempt/{attemptId}");
        var phone = phoneBrowser.Page;
        Assert.Equal(attemptId, await phone.WaitForExamPageAsync());
        await phone.Locator(Choice(2)).CheckAsync();
        await phone.WaitUntilSavedAsync(attemptId);
        await site.WaitForStoredAnswerAsync(attemptId, question.Ref, r => r.Selected.SequenceEqual([2]), "the phone's answer");

        // The laptop comes back: its older answer is refused; it shows the phone's answer and says so.
        await laptopContext.SetOfflineAsync(false);
        await laptop.WaitUntilSavedAsync(attemptId);
        await Expect(laptop.Locator("#exam-warning")).ToBeVisibleAsync();
        await Expect(laptop.Locator("#exam-warning")).ToContainTextAsync("另一台设备或窗口已保存了更新的答案");
        await Expect(laptop.Locator(Choice(2))).ToBeCheckedAsync();
        Assert.Equal([2], (await site.AnswersAsync(attemptId))[question.Ref].Selected);

        // Both continue from the stored seq: a change on the laptop now is saved, and the phone's page learns of it on reload.
        await laptop.Locator(Choice(3)).CheckAsync();
        await laptop.WaitUntilSavedAsync(attemptId);
        await site.WaitForStoredAnswerAsync(attemptId, question.Ref, r => r.Selected.SequenceEqual([3]), "the laptop's newer answer");
        await phone.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.Load });
        await Expect(phone.Locator(Choice(3))).ToBeCheckedAsync();
        var stored = await site.QueryAsync(db => db.AttemptAnswers.AsNoTracking().SingleAsync(a => a.AttemptId == attemptId && a.QuestionRef == question.Ref));
        Assert.Equal(2, stored.Seq);
    }

    [Fact]
    public async Task Reloading_just_after_time_ran_out_sends_the_answers_queued_offline_before_the_attempt_is_finished()
    {
        await using var browser = await TraineeBrowser.NewTraineeAsync(site);
        var (context, page) = (browser.Context, browser.Page);
        var paperId = await site.CreatePaperAsync("bt-grace", closesAt: DateTimeOffset.UtcNow.AddSeconds(20));
        await page.GotoAsync($"/exams/{paperId}");
        var attemptId = await page.StartFromPaperPageAsync();
        var attempt = await site.AttemptAsync(attemptId);
        var question = (await page.QuestionsAsync()).First(q => q.Type == "single");

        // Offline, the trainee answers; leaving the page now warns that an answer is still queued.
        await context.SetOfflineAsync(true);
        await question.Fieldset.Locator($"input[name='a{question.Ref}'][value='1']").CheckAsync();
        await Expect(page.Locator(SaveStatus)).ToHaveAttributeAsync("data-state", "offline");
        var leaving = new TaskCompletionSource<string>();
        page.Dialog += async (_, dialog) =>
        {
            leaving.TrySetResult(dialog.Type);
            await dialog.AcceptAsync();
        };
        await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        Assert.Equal("beforeunload", await leaving.Task.WaitAsync(TimeSpan.FromMilliseconds(SiteFixture.TimeoutMs)));

        // Time runs out while the page is closed. Two seconds later (within the grace) the network is back and
        // the trainee opens the exam again: the page is shown, sends the queued answer, then submits.
        var late = attempt.Deadline + TimeSpan.FromSeconds(2) - DateTimeOffset.UtcNow;
        if (late > TimeSpan.Zero) await Task.Delay(late);
        await context.SetOfflineAsync(false);
        var again = await context.NewPageAsync();
        await again.GotoAsync($"/exams/attempt/{attemptId}");
        await again.WaitForResultPageAsync();

        var finished = await site.AttemptAsync(attemptId);
        Assert.Equal(AttemptStatus.Finished, finished.Status);
        Assert.True(finished.FinishedAt <= finished.Deadline, $"finished {finished.FinishedAt:O} after the deadline {finished.Deadline:O}");
        Assert.Equal([1], (await site.AnswersAsync(attemptId))[question.Ref].Selected);
        var item = await site.QueryAsync(db => db.AttemptItems.AsNoTracking().SingleAsync(i => i.AttemptId == attemptId && i.QuestionRef == question.Ref));
        Assert.True(item.Answered, "the answer queued offline was not graded");
    }
}
