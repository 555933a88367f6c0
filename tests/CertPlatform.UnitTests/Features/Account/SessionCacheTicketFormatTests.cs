using System.Security.Claims;
using CertPlatform.Web.Features.Account;
using Microsoft.AspNetCore.Authentication;

namespace CertPlatform.UnitTests.Features.Account;

/// <summary>
/// The sign-in cookie's ticket format opens a given cookie text once per <see cref="SessionCacheTicketFormat.Lifetime"/>
/// and otherwise returns exactly what the full decryption returned; refusals are never remembered.
/// </summary>
public sealed class SessionCacheTicketFormatTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Opens "good-…" texts as a ticket for the user named after the dash, refuses anything else, and counts.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public int Opened { get; private set; }
        public string Protect(AuthenticationTicket data) => "good-" + data.Principal.Identity!.Name;
        public string Protect(AuthenticationTicket data, string? purpose) => Protect(data);
        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Opened++;
            if (protectedText is null || !protectedText.StartsWith("good-", StringComparison.Ordinal)) return null;
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, protectedText[5..])], "test"));
            return new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UnixEpoch.AddYears(60) }, "Identity.Application");
        }
    }

    private readonly Clock _clock = new();
    private readonly CountingFormat _inner = new();
    private SessionCacheTicketFormat Format() => new(_inner, _clock);

    [Fact]
    public void The_same_cookie_is_opened_once_within_the_lifetime_and_again_after_it()
    {
        var format = Format();
        Assert.Equal("alice", format.Unprotect("good-alice")!.Principal.Identity!.Name);
        _clock.Now += SessionCacheTicketFormat.Lifetime - TimeSpan.FromSeconds(1);
        Assert.Equal("alice", format.Unprotect("good-alice")!.Principal.Identity!.Name);
        Assert.Equal(1, _inner.Opened);

        _clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal("alice", format.Unprotect("good-alice")!.Principal.Identity!.Name);
        Assert.Equal(2, _inner.Opened);
    }

    [Fact]
    public void Different_cookies_are_opened_separately()
    {
        var format = Format();
        Assert.Equal("alice", format.Unprotect("good-alice")!.Principal.Identity!.Name);
        Assert.Equal("bob", format.Unprotect("good-bob")!.Principal.Identity!.Name);
        Assert.Equal(2, _inner.Opened);
        Assert.Equal(2, format.Count);
    }

    [Fact]
    public void A_cookie_that_does_not_open_is_refused_every_time_and_never_remembered()
    {
        var format = Format();
        Assert.Null(format.Unprotect("forged"));
        Assert.Null(format.Unprotect("forged"));
        Assert.Null(format.Unprotect(null));
        Assert.Equal(3, _inner.Opened);
        Assert.Equal(0, format.Count);
    }

    [Fact]
    public void Each_request_gets_its_own_properties_so_a_sliding_renewal_cannot_change_the_remembered_ticket()
    {
        var format = Format();
        var first = format.Unprotect("good-alice")!;
        var expires = first.Properties.ExpiresUtc;
        first.Properties.ExpiresUtc = expires!.Value.AddHours(8);
        first.Properties.IssuedUtc = _clock.Now;

        var second = format.Unprotect("good-alice")!;
        Assert.Equal(expires, second.Properties.ExpiresUtc);
        Assert.Null(second.Properties.IssuedUtc);
        Assert.NotSame(first.Properties, second.Properties);
        Assert.Equal(1, _inner.Opened);
    }

    [Fact]
    public void A_ticket_with_a_purpose_is_always_opened_in_full()
    {
        var format = Format();
        format.Unprotect("good-alice", "tls-binding");
        format.Unprotect("good-alice", "tls-binding");
        Assert.Equal(2, _inner.Opened);
        Assert.Equal(0, format.Count);
    }

    [Fact]
    public void Protecting_is_the_inner_format_s()
    {
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "carol")], "test")), "s");
        Assert.Equal("good-carol", Format().Protect(ticket));
    }
}
