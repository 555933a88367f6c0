using CertPlatform.BrowserTests.Infrastructure;
using CertPlatform.Web.Features.Lessons;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPlatform.BrowserTests;

/// <summary>
/// Writes the README screenshots (docs/screenshots/*.png) from the committed content, with fixed viewports,
/// locale, time zone and a trainee whose progress is set up the same way every time.
/// </summary>
[Collection(PristineSiteCollection.Name)]
public sealed class ScreenshotTests(PristineSiteFixture site)
{
    [Fact]
    public async Task Readme_screenshots_show_the_curriculum_and_a_lesson_on_desktop_and_phone()
    {
        var part1 = TestContent.LessonIds(site.ContentFolder, "part1");
        var lessonId = part1[0];
        var user = await site.CreateTraineeAsync("李晓梅");
        using (var scope = site.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<LessonProgressStore>();
            foreach (var id in part1.Take(3)) await store.SetLearnedAsync(user.UserId, id, true);
        }
        Directory.CreateDirectory(RepoPaths.Screenshots);

        await using (var desktop = await site.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            DeviceScaleFactor = 1,
        }))
        {
            var page = await desktop.NewPageAsync();
            await page.LogInAsync(user.Email, user.Password, "/lessons");
            await Expect(page.Locator("span.count[data-part=part1]")).ToHaveTextAsync($"3 / {part1.Count}");
            await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^课程学习 · "));
            await page.ShootAsync("curriculum.png");

            await OpenLessonAsync(page, lessonId);
            await page.ShootAsync("lesson.png");
        }

        await using (var phone = await site.NewContextAsync(MobileLayoutTests.Phone()))
        {
            var page = await phone.NewPageAsync();
            await page.LogInAsync(user.Email, user.Password, "/lessons");
            await OpenLessonAsync(page, lessonId);
            await page.ShootAsync("mobile-lesson.png");
        }

        foreach (var name in new[] { "curriculum.png", "lesson.png", "mobile-lesson.png" })
            Assert.True(new FileInfo(Path.Combine(RepoPaths.Screenshots, name)).Length > 10_000, $"{name} looks empty");
    }

    private static async Task OpenLessonAsync(IPage page, string lessonId)
    {
        var response = await page.GotoAsync($"/lessons/{lessonId}");
        Assert.Equal(200, response?.Status);
        var title = (await page.Locator("article.lesson h1").TextContentAsync())?.Trim();
        Assert.False(string.IsNullOrEmpty(title));
        await Expect(page).ToHaveTitleAsync($"{title} · CertPlatform 培训认证平台");
        await Expect(page.Locator("#learned-state")).ToBeVisibleAsync();
    }
}
