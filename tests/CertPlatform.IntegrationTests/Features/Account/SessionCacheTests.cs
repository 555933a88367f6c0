using System.Net;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Features.Account;

/// <summary>
/// The per-request session check reads <see cref="SessionCache"/>, which the background pass refreshes in
/// batches. Changes are made in the database directly, as another instance (or an admin elsewhere) would:
/// this instance learns of them within <see cref="SessionCache.StaleLimit"/> (twice the lifetime: a state past the
/// lifetime is served while its refresh is pending), never later, and the cookie is judged against the user's current
/// security stamp, status and name. The app's background pass is not started here, so that the bound is the request
/// path's own: a request past the limit must read (SessionCacheBatchTests for the batches themselves).
/// </summary>
public sealed class SessionCacheTests : IDisposable
{
    private readonly FakeClockExamApp _app = new();

    public SessionCacheTests() => _app.Factory.WithServices(s =>
    {
        foreach (var pass in s.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationType == typeof(SessionRevalidator)).ToList())
            s.Remove(pass);
    });
    private AppFactory Factory => _app.Factory;
    private SessionCache Sessions => Factory.Services.GetRequiredService<SessionCache>();

    private async Task<HttpClient> SignedInAsync(string email)
    {
        await Factory.CreateTraineeAsync(email);
        var client = await Factory.SignedInClient(email, AppFactory.TraineePassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/exams")).StatusCode);
        return client;
    }

    /// <summary>
    /// Past the cookie's issue second a request reads the session once and keeps the answer: from then on the answer is
    /// judged by its age alone (before, the issue-time rule forces a read on every request and the bound is not tested).
    /// </summary>
    private async Task PastTheIssueSecondAsync(HttpClient client)
    {
        _app.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/exams")).StatusCode);
    }

    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        var page = await client.GetAsync("/exams");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location!.ToString());
    }

    private Task ChangeUserAsync(string email, Action<Web.Data.AppUser> change) => Factory.ScopedAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        change(user);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_security_stamp_changed_elsewhere_ends_the_cookie_within_twice_the_lifetime_not_a_minute_later()
    {
        var client = await SignedInAsync("stamp-changed@example.com");
        await PastTheIssueSecondAsync(client);
        await ChangeUserAsync("stamp-changed@example.com", u => u.SecurityStamp = Guid.NewGuid().ToString("N"));

        // The answer read a moment ago still stands (that is the documented bound)…
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/exams")).StatusCode);
        // …and once it is older than the stale limit the request waits for a read of the new stamp and the cookie is refused.
        _app.Clock.Advance(SessionCache.StaleLimit + TimeSpan.FromSeconds(1));
        await AssertSignedOutAsync(client);
    }

    [Fact]
    public async Task A_user_deactivated_elsewhere_is_signed_out_within_twice_the_lifetime()
    {
        var client = await SignedInAsync("deactivated-elsewhere@example.com");
        await PastTheIssueSecondAsync(client);
        await ChangeUserAsync("deactivated-elsewhere@example.com", u => u.IsActive = false);
        _app.Clock.Advance(SessionCache.StaleLimit + TimeSpan.FromSeconds(1));
        await AssertSignedOutAsync(client);
    }

    [Fact]
    public async Task The_background_pass_reads_sessions_in_use_in_batches_and_closes_the_deleted_ones()
    {
        foreach (var who in new[] { "batch-a", "batch-b", "batch-c" }) await SignedInAsync(who + "@example.com");
        var ids = await Factory.ScopedAsync(db => db.UserSessions.Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.Id, u.Email })
            .Where(x => x.Email!.StartsWith("batch-")).ToDictionaryAsync(x => x.Email!.Split('@', StringSplitOptions.None)[0], x => x.Id));
        // A cache of its own on the app's database, with a clock of its own: the pass is driven by hand here.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(_app.Clock.GetUtcNow());
        var cache = new SessionCache(Factory.Services.GetRequiredService<IServiceScopeFactory>(), clock);
        foreach (var id in ids.Values) Assert.NotNull(await cache.GetAsync(id, null, CancellationToken.None));
        Assert.Equal(3, cache.Count);

        // Within half a lifetime nothing is due.
        Assert.Equal(0, await cache.RefreshAsync(CancellationToken.None));

        clock.Advance(SessionCache.Lifetime / 2 + TimeSpan.FromSeconds(1));
        await Factory.ScopedAsync(db => db.UserSessions.Where(s => s.Id == ids["batch-b"]).ExecuteDeleteAsync());
        Assert.Equal(3, await cache.RefreshAsync(CancellationToken.None));

        // b's answer read at the start is only 6 s old: without the pass it would still be served.
        Assert.Null(await cache.GetAsync(ids["batch-b"], null, CancellationToken.None));
        Assert.NotNull(await cache.GetAsync(ids["batch-a"], null, CancellationToken.None));

        // A closed session is final: later passes do not read it again.
        clock.Advance(SessionCache.Lifetime / 2 + TimeSpan.FromSeconds(1));
        Assert.Equal(2, await cache.RefreshAsync(CancellationToken.None));

        // Sessions nobody uses are forgotten; a forgotten one is read again when it comes back.
        clock.Advance(SessionCache.IdleAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(0, await cache.RefreshAsync(CancellationToken.None));
        Assert.Equal(0, cache.Count);
        Assert.NotNull(await cache.GetAsync(ids["batch-c"], null, CancellationToken.None));
    }

    [Fact]
    public async Task The_background_pass_confirms_an_unchanged_session_in_place_and_replaces_a_changed_one()
    {
        await SignedInAsync("confirm@example.com");
        var id = await Factory.ScopedAsync(db => db.UserSessions.Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.Id, u.Email })
            .Where(x => x.Email == "confirm@example.com").Select(x => x.Id).SingleAsync());
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(_app.Clock.GetUtcNow());
        var cache = new SessionCache(Factory.Services.GetRequiredService<IServiceScopeFactory>(), clock);
        var first = await cache.GetAsync(id, null, CancellationToken.None);
        Assert.NotNull(first);

        // Unchanged in the database: the pass keeps the very same state object and only moves its check time.
        clock.Advance(SessionCache.Lifetime / 2 + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await cache.RefreshAsync(CancellationToken.None));
        Assert.Same(first, await cache.GetAsync(id, null, CancellationToken.None));

        // The confirmation counts as a check: 12 s after the first read (6 s after the pass) the answer is still
        // served from memory, so a stamp changed just now is not seen yet…
        await ChangeUserAsync("confirm@example.com", u => u.SecurityStamp = Guid.NewGuid().ToString("N"));
        clock.Advance(SessionCache.Lifetime / 2 + TimeSpan.FromSeconds(1));
        Assert.Same(first, await cache.GetAsync(id, null, CancellationToken.None));

        // …and the next pass replaces the changed state.
        Assert.Equal(1, await cache.RefreshAsync(CancellationToken.None));
        var changed = await cache.GetAsync(id, null, CancellationToken.None);
        Assert.NotNull(changed);
        Assert.NotEqual(first!.SecurityStamp, changed!.SecurityStamp);
    }

    [Fact]
    public async Task A_cookie_issued_after_the_state_was_read_is_judged_against_a_fresh_read()
    {
        // Changing the password changes the stamp and re-issues the cookie in the same second the session
        // was last read: the new cookie must not be refused on the old stamp.
        var client = await SignedInAsync("fresh-cookie@example.com");
        var changed = await client.PostFormAsync("/account/change-password", "/account/change-password",
            [HttpClientForms.F("CurrentPassword", AppFactory.TraineePassword), HttpClientForms.F("NewPassword", "Xuexi-fresh-2026"), HttpClientForms.F("ConfirmPassword", "Xuexi-fresh-2026")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/exams")).StatusCode);
        _app.Clock.Advance(SessionCache.StaleLimit + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/exams")).StatusCode);
    }

    [Fact]
    public async Task A_name_changed_elsewhere_refreshes_the_cookie_without_signing_out()
    {
        var client = await SignedInAsync("renamed@example.com");
        await PastTheIssueSecondAsync(client);
        await ChangeUserAsync("renamed@example.com", u => u.FullName = "改过名的学员");
        _app.Clock.Advance(SessionCache.StaleLimit + TimeSpan.FromSeconds(1));

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(home.Headers.GetValues("Set-Cookie"), c => c.StartsWith("certplatform.auth=", StringComparison.Ordinal));
        Assert.Contains("改过名的学员", await home.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/exams")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_opened_once_and_a_logged_out_copy_is_still_refused()
    {
        var format = Assert.IsType<SessionCacheTicketFormat>(Factory.Services
            .GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).TicketDataFormat);
        var client = await SignedInAsync("opened-once@example.com");
        await PastTheIssueSecondAsync(client);
        var opened = format.Count;
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/exams")).StatusCode);
        Assert.Equal(opened, format.Count);

        // The remembered ticket does not outlive the session: the session check still runs on every request.
        await Factory.ScopedAsync(db => db.UserSessions.Where(s => db.Users.Any(u => u.Id == s.UserId && u.Email == "opened-once@example.com")).ExecuteDeleteAsync());
        _app.Clock.Advance(SessionCache.StaleLimit + TimeSpan.FromSeconds(1));
        await AssertSignedOutAsync(client);
    }

    public void Dispose() => _app.Dispose();
}
