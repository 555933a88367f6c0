using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace CertPlatform.Web.Features.Account;

/// <summary>
/// The sign-in cookie's ticket format with a memory of the cookies it has already opened. Opening a cookie
/// (Data Protection's authenticated decryption of the ticket and its deserialisation into claims) was the
/// largest single cost of an exam autosave once everything else had been cut (bench/RESULTS.md, "Autosave CPU
/// profile"); a page saves with the same cookie thousands of times. The decrypted ticket is a pure function of
/// the cookie's text (the cookie is authenticated: any other text fails), so the ticket kept for the same text is
/// the one the full check would give again. Only a Data Protection key revoked meanwhile would be noticed up to
/// <see cref="Lifetime"/> later, as with the antiforgery pass of the exam API.
/// Nothing else is skipped: the cookie handler still checks the ticket's expiry on every request, and every
/// request still runs the server-side session and security-stamp check (<see cref="SessionCache"/>,
/// <c>OnValidatePrincipal</c>), so logout, a password reset or deactivation ends the cookie as before.
/// Each request gets its own copy of the ticket's properties (the handler's sliding renewal reads and may change
/// them); the claims principal is shared by the requests carrying the same cookie — the same user's session — and
/// is not changed by the platform after sign-in. Tickets that fail to open are never remembered.
/// </summary>
public sealed class SessionCacheTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Cookies remembered at most; past it the expired ones are dropped, and if that is not enough, all.</summary>
    public const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, Entry> _opened = new(StringComparer.Ordinal);

    /// <summary>Cookies remembered (for tests and diagnostics).</summary>
    public int Count => _opened.Count;

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        // A purpose (TLS token binding) is not part of the key: such tickets are always opened in full.
        if (protectedText is null || purpose is not null) return inner.Unprotect(protectedText, purpose);
        var now = clock.GetUtcNow();
        if (_opened.TryGetValue(protectedText, out var entry) && now - entry.OpenedAt < Lifetime) return Copy(entry.Ticket);
        var ticket = inner.Unprotect(protectedText);
        if (ticket is null) return null;
        if (_opened.Count >= MaxEntries) Trim(now);
        _opened[protectedText] = new Entry(ticket, now);
        return Copy(ticket);
    }

    private static AuthenticationTicket Copy(AuthenticationTicket t) => new(t.Principal, t.Properties.Clone(), t.AuthenticationScheme);

    private void Trim(DateTimeOffset now)
    {
        foreach (var (text, e) in _opened)
            if (now - e.OpenedAt >= Lifetime) _opened.TryRemove(new KeyValuePair<string, Entry>(text, e));
        if (_opened.Count >= MaxEntries) _opened.Clear();
    }

    private sealed record Entry(AuthenticationTicket Ticket, DateTimeOffset OpenedAt);
}
