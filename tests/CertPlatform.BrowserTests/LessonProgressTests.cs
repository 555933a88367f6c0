using CertPlatform.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CertPlatform.BrowserTests;

[Collection(ProbeSiteCollection.Name)]
public sealed class LessonProgressTests(ProbeSiteFixture site)
{
    [Fact]
    public async Task Demo_trainee_marks_the_first_lesson_learned_and_the_curriculum_shows_part_progress()
    {
        // Expected numbers come from the curriculum file the site serves (repository content + probe lesson).
        var part1 = TestContent.LessonIds(site.ContentFolder, "part1");
        var firstId = part1[0];

        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LogInAsync(SiteActions.TraineeEmail, SiteActions.TraineePassword, "/lessons");

        var part1Count = page.Locator("span.count[data-part=part1]");
        await Expect(part1Count).ToHaveTextAsync($"0 / {part1.Count}");

        var firstLesson = page.Locator(".curriculum-tree .lesson-list a").First;
        await Expect(firstLesson).ToHaveAttributeAsync("href", $"/lessons/{firstId}");
        await firstLesson.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/lessons/{firstId}");
        await Expect(page.Locator("#learned-state")).ToHaveCountAsync(0);

        await page.Locator("#mark-learned").ClickAsync();
        await Expect(page.Locator("#learned-state")).ToBeVisibleAsync();
        Assert.Equal($"/lessons/{firstId}", page.PathOf());
        await Expect(page.Locator("#mark-learned")).ToHaveCountAsync(0);
        await Expect(page.Locator("p.flash[role=status]")).ToBeVisibleAsync();

        var response = await page.GotoAsync("/lessons");
        Assert.Equal(200, response?.Status);
        await Expect(part1Count).ToHaveTextAsync($"1 / {part1.Count}");
        await Expect(page.Locator(".curriculum-tree li.learned a")).ToHaveAttributeAsync("href", $"/lessons/{firstId}");
        foreach (var other in await page.Locator("span.count[data-part]:not([data-part=part1])").AllTextContentsAsync())
            Assert.StartsWith("0 / ", other.Trim());
    }
}
