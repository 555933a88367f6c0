using Microsoft.Playwright;

namespace CertPlatform.BrowserTests.Infrastructure;

/// <summary>What a user does on the site, the way a browser does it (real forms, real navigation).</summary>
public static class SiteActions
{
    public const string TraineeEmail = "trainee@demo.local";
    public const string TraineePassword = "Trainee-2026";

    /// <summary>Signs in through /account/login and waits until the browser has left the login page.</summary>
    public static async Task LogInAsync(this IPage page, string email, string password, string returnUrl = "/lessons")
    {
        await page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var form = page.Locator("form[action='/account/login']");
        await form.Locator("input[name=Email]").FillAsync(email);
        await form.Locator("input[name=Password]").FillAsync(password);
        // Wait from before the click, for the navigation to commit only: waiting for "load" after the click
        // raced with the POST → 302 → page sequence and hung for 30 s now and then on a busy machine.
        // Later steps use locators, which wait for what they need.
        var leftLogin = page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await form.Locator("button[type=submit]").ClickAsync();
        await leftLogin;
        var path = new Uri(page.Url).AbsolutePath;
        if (path != returnUrl)
            throw new InvalidOperationException($"signing in as {email} ended on {page.Url}, expected {returnUrl}");
    }

    public static string PathOf(this IPage page) => new Uri(page.Url).AbsolutePath;

    /// <summary>Every image has finished (loaded or failed): deterministic, unlike waiting for network idle.</summary>
    public static Task WaitForImagesAsync(this IPage page) =>
        page.WaitForFunctionAsync("() => Array.from(document.images).every(i => i.complete)");

    /// <summary>A README screenshot of the viewport (images loaded, fonts ready, no caret or animation) into <see cref="RepoPaths.Screenshots"/>.</summary>
    public static async Task ShootAsync(this IPage page, string name)
    {
        await page.WaitForImagesAsync();
        await page.EvaluateAsync("async () => { await document.fonts.ready; }");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepoPaths.Screenshots, name), FullPage = false, Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide, Scale = ScreenshotScale.Css,
        });
    }
}
