using Microsoft.Playwright;

namespace CertPlatform.BrowserTests.Infrastructure;

/// <summary>A browser context (one device) with a page signed in as a trainee; disposing closes the context.</summary>
public sealed record TraineeBrowser(IBrowserContext Context, IPage Page, string Email, string Password) : IAsyncDisposable
{
    /// <summary>A new context signed in as this trainee (<paramref name="email"/>), landing on <paramref name="returnUrl"/>.</summary>
    public static async Task<TraineeBrowser> OpenAsync(SiteFixture site, string email, string password, string returnUrl = "/exams")
    {
        var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LogInAsync(email, password, returnUrl);
        return new TraineeBrowser(context, page, email, password);
    }

    /// <summary>A new trainee, signed in on a new context.</summary>
    public static async Task<TraineeBrowser> NewTraineeAsync(SiteFixture site, string returnUrl = "/exams")
    {
        var user = await site.CreateTraineeAsync();
        return await OpenAsync(site, user.Email, user.Password, returnUrl);
    }

    /// <summary>The same trainee on another device.</summary>
    public Task<TraineeBrowser> AnotherDeviceAsync(SiteFixture site, string returnUrl) => OpenAsync(site, Email, Password, returnUrl);

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
