using CertPlatform.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPlatform.BrowserTests;

/// <summary>
/// The probe lesson (<see cref="TestContent.ProbeMarkdown"/>) carries script in every usual form. These tests
/// look at what the browser actually did — the global it would set, dialogs, the live DOM — not at the HTML text.
/// </summary>
[Collection(ProbeSiteCollection.Name)]
public sealed class LessonXssTests(ProbeSiteFixture site)
{
    [Fact]
    public async Task Probe_lesson_runs_no_script_and_is_served_with_a_content_security_policy()
    {
        var result = await VisitProbeAsync(bypassCsp: false);

        var csp = result.ContentSecurityPolicy;
        Assert.False(string.IsNullOrWhiteSpace(csp), "the lesson page has no Content-Security-Policy header");
        var scriptSrc = csp!.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("script-src ", StringComparison.Ordinal))
            ?? csp.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("default-src ", StringComparison.Ordinal));
        Assert.NotNull(scriptSrc);
        Assert.DoesNotContain("'unsafe-inline'", scriptSrc);
        Assert.DoesNotContain("'unsafe-eval'", scriptSrc);

        // Nothing inline survived the sanitiser, so the CSP had nothing to block either.
        Assert.True(result.CspViolations.Count == 0, "CSP violations:\n" + string.Join("\n", result.CspViolations));
    }

    [Fact]
    public async Task Probe_lesson_runs_no_script_even_with_the_content_security_policy_bypassed()
    {
        // With CSP off, only the sanitiser stands between the Markdown and the page.
        var result = await VisitProbeAsync(bypassCsp: true);
        Assert.Empty(result.CspViolations);
    }

    private sealed record ProbeResult(string? ContentSecurityPolicy, IReadOnlyList<string> CspViolations);

    private async Task<ProbeResult> VisitProbeAsync(bool bypassCsp)
    {
        var user = await site.CreateTraineeAsync();
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { BypassCSP = bypassCsp });
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        var cspViolations = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            lock (dialogs) dialogs.Add($"{dialog.Type}: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (cspViolations) cspViolations.Add($"{message.Text} [{message.Location}]");
        };

        await page.LogInAsync(user.Email, user.Password, "/lessons");
        // Only the lesson page counts. (The login page's empty validation summary renders
        // <li style="display:none">, which the CSP blocks harmlessly.)
        lock (cspViolations) cspViolations.Clear();
        var response = await page.GotoAsync($"/lessons/{TestContent.ProbeLessonId}", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        var csp = await response.HeaderValueAsync("content-security-policy");
        await page.WaitForImagesAsync();

        // The probe really rendered (otherwise the checks below would prove nothing).
        var body = page.Locator(".lesson-body");
        await Expect(body).ToContainTextAsync("正文开始");
        await Expect(body.Locator("#key-points")).ToHaveCountAsync(1);

        await AssertNothingRanAsync(page, dialogs, "after load");

        foreach (var selector in new[] { "script", "iframe", "frame", "object", "embed", "svg", "svg[onload]", "[onerror]", "[onload]", "form", "base", "meta", "link", "style" })
            Assert.True(await body.Locator(selector).CountAsync() == 0, $"'.lesson-body {selector}' is in the page");

        var eventAttributes = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.lesson-body *')]
                .flatMap(e => [...e.attributes].filter(a => a.name.toLowerCase().startsWith('on')).map(a => `${e.tagName}[${a.name}]`))
            """);
        Assert.Empty(eventAttributes);

        var scriptUrls = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.lesson-body [href], .lesson-body [src], .lesson-body [action], .lesson-body [formaction], .lesson-body [xlink\\:href]')]
                .flatMap(e => ['href', 'src', 'action', 'formaction', 'xlink:href'].map(n => e.getAttribute(n)).filter(v => v !== null))
                .filter(v => /^\s*(javascript|vbscript|data)\s*:/i.test(v.replace(/[\u0000-\u001f]/g, '')))
            """);
        Assert.Empty(scriptUrls);
        var javascriptAnchors = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.lesson-body a')].filter(a => a.protocol === 'javascript:').length");
        Assert.Equal(0, javascriptAnchors);
        Assert.Single(page.Frames); // no iframe was created anywhere

        // Click whatever is left of the links, as a curious reader would.
        foreach (var text in new[] { "click me", "raw link", "mixed case" })
        {
            var link = body.GetByText(text, new LocatorGetByTextOptions { Exact = true });
            if (await link.CountAsync() == 0) continue;
            await link.First.ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.Load);
            await AssertNothingRanAsync(page, dialogs, $"after clicking '{text}'");
        }
        Assert.Equal($"/lessons/{TestContent.ProbeLessonId}", page.PathOf());
        return new ProbeResult(csp, cspViolations);
    }

    private static async Task AssertNothingRanAsync(IPage page, List<string> dialogs, string when)
    {
        var xss = await page.EvaluateAsync<string>("() => typeof window.__xss === 'undefined' ? 'undefined' : String(window.__xss)");
        Assert.True(xss == "undefined", $"window.__xss is {xss} {when}: probe vector {xss} ran");
        lock (dialogs) Assert.True(dialogs.Count == 0, $"dialogs opened {when}: {string.Join(" | ", dialogs)}");
    }
}
