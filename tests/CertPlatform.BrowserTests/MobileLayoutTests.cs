using CertPlatform.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPlatform.BrowserTests;

/// <summary>A 390×844 phone (iPhone 12–15 size) reads lessons without sideways scrolling.</summary>
[Collection(ProbeSiteCollection.Name)]
public sealed class MobileLayoutTests(ProbeSiteFixture site)
{
    public static BrowserNewContextOptions Phone() => new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        DeviceScaleFactor = 1,
        IsMobile = true,
        HasTouch = true,
    };

    [Fact]
    public async Task Lesson_page_fits_a_phone_screen_without_horizontal_scrolling()
    {
        var lessonId = TestContent.LessonIds(site.ContentFolder, "part1")[0];
        var user = await site.CreateTraineeAsync();
        await using var context = await site.NewContextAsync(Phone());
        var page = await context.NewPageAsync();
        await page.LogInAsync(user.Email, user.Password, "/lessons");

        var response = await page.GotoAsync($"/lessons/{lessonId}");
        Assert.Equal(200, response?.Status);
        await Expect(page.Locator("#mark-learned")).ToBeVisibleAsync();
        Assert.Equal(390, await page.EvaluateAsync<int>("() => window.innerWidth"));
        await AssertNoHorizontalScrollAsync(page, $"/lessons/{lessonId}");
    }

    [Fact]
    public async Task Curriculum_and_every_lesson_fit_a_phone_screen()
    {
        var user = await site.CreateTraineeAsync();
        await using var context = await site.NewContextAsync(Phone());
        var page = await context.NewPageAsync();
        await page.LogInAsync(user.Email, user.Password, "/lessons");

        var problems = new List<string>();
        var lessonIds = await page.Locator(".curriculum-tree .lesson-list a").EvaluateAllAsync<string[]>(
            "links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(lessonIds);
        foreach (var path in new[] { "/lessons" }.Concat(lessonIds))
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response?.Status);
            var overflow = await OverflowAsync(page);
            if (overflow is not null) problems.Add($"{path}: {overflow}");
        }
        Assert.True(problems.Count == 0, "pages wider than a 390 px phone:\n" + string.Join("\n", problems));
    }

    private static async Task AssertNoHorizontalScrollAsync(IPage page, string what)
    {
        var overflow = await OverflowAsync(page);
        Assert.True(overflow is null, $"{what} scrolls sideways on a phone: {overflow}");
    }

    /// <summary>Null when the page fits; otherwise the widths and the elements sticking out on the right.</summary>
    private static Task<string?> OverflowAsync(IPage page) => page.EvaluateAsync<string?>("""
        () => {
            const doc = document.documentElement;
            if (doc.scrollWidth <= window.innerWidth + 1) return null;
            const culprits = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
                .slice(0, 5)
                .map(e => {
                    const r = e.getBoundingClientRect();
                    const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
                    return `${name} (right ${Math.round(r.right)}px: "${(e.textContent || '').trim().slice(0, 30)}")`;
                });
            return `scrollWidth ${doc.scrollWidth} > innerWidth ${window.innerWidth}; ${culprits.join('; ')}`;
        }
        """);
}
