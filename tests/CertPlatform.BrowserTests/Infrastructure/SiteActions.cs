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
        await form.Locator("button[type=submit]").ClickAsync();
        // WaitForURL waits for the new page's load event itself; a second WaitForLoadState(Load) after it
        // could race with the redirect and hang (seen intermittently).
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
        var path = new Uri(page.Url).AbsolutePath;
        if (path != returnUrl)
            throw new InvalidOperationException($"signing in as {email} ended on {page.Url}, expected {returnUrl}");
    }

    public static string PathOf(this IPage page) => new Uri(page.Url).AbsolutePath;

    /// <summary>Every image has finished (loaded or failed): deterministic, unlike waiting for network idle.</summary>
    public static Task WaitForImagesAsync(this IPage page) =>
        page.WaitForFunctionAsync("() => Array.from(document.images).every(i => i.complete)");
}
