using CertPlatform.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPlatform.BrowserTests;

/// <summary>The site is server-rendered forms: everything a trainee needs works with JavaScript switched off.</summary>
[Collection(ProbeSiteCollection.Name)]
public sealed class NoJavaScriptTests(ProbeSiteFixture site)
{
    [Fact]
    public async Task Trainee_can_log_in_open_a_lesson_and_mark_it_learned_without_JavaScript()
    {
        var part1 = TestContent.LessonIds(site.ContentFolder, "part1");
        var lessonId = part1[1]; // not the lesson the other progress test uses
        var user = await site.CreateTraineeAsync();

        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.LogInAsync(user.Email, user.Password, "/lessons");
        await Expect(page.Locator("span.count[data-part=part1]")).ToHaveTextAsync($"0 / {part1.Count}");

        await page.Locator($".curriculum-tree a[href='/lessons/{lessonId}']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/lessons/{lessonId}");
        await page.Locator("#mark-learned").ClickAsync();
        await Expect(page.Locator("#learned-state")).ToBeVisibleAsync();
        Assert.Equal($"/lessons/{lessonId}", page.PathOf());

        // Undo works too, and the curriculum reflects each step.
        await page.GotoAsync("/lessons");
        await Expect(page.Locator("span.count[data-part=part1]")).ToHaveTextAsync($"1 / {part1.Count}");
        await page.GotoAsync($"/lessons/{lessonId}");
        await page.Locator(".lesson-actions form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#mark-learned")).ToBeVisibleAsync();
        await page.GotoAsync("/lessons");
        await Expect(page.Locator("span.count[data-part=part1]")).ToHaveTextAsync($"0 / {part1.Count}");
    }
}
