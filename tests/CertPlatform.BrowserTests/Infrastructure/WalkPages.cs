using System.Text.RegularExpressions;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.Papers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertPlatform.BrowserTests.Infrastructure;

/// <summary>
/// The page list every walk visits (axe + layout, JavaScript off, English UI): one URL per GET page route, with the role
/// that sees it. The list is checked against the app's route table, so a new page cannot be left out by accident.
/// </summary>
public static partial class WalkPages
{
    /// <summary>GET routes the walks do not visit, and why (downloads, redirects, JSON, pages that need a one-off token).</summary>
    private static readonly string[] NotPages =
    [
        "/account/access-denied", // a redirect target (403 page), reached by the route matrix test
        "/admin/users/import/template.csv", "/analytics/cohort/export", "/analytics/papers/{paperId}/export", "/analytics/upload/{token}/export",
        "/bank/export", "/bank/{id}/diff", "/certificates/{id}/pdf", "/records/export.csv", "/records/export.xlsx",
        "/records/zip-jobs/{id}", "/records/zip-jobs/{id}/download", "/results/{paperId}/export",
        "/grading/item/{token}", "/grading/item/{token}/skip", "/grading/start", "/lessons/resume", "/language/{culture}",
        "/practice/question", "/practice/feedback", "/practice/done", // a practice round's steps, opened from /practice
        "/favicon.ico", "/healthz", "/healthz/live", "/healthz/ready", "/error/{status:int?}", "/openapi/{documentName}.json",
        "/verify/{code}/credential.json", "/verify/{code}/credential.jwt",
        "/bank/import/{importId:guid}", // a background import's status page: exists only while a job runs (QuestionImportJobTests)
        "/bank/import/{importId:guid}/images/{sha:regex(^[0-9a-f]{{64}}$)}", // an image of a pending import preview (ImportPreviewImageTests)
    ];

    public static IReadOnlyList<(string Role, string Url)> Urls(WalkData d) =>
    [
        ("anonymous", "/"), ("anonymous", "/account/login"), ("anonymous", "/account/register"),
        ("anonymous", $"/verify/{d.VerificationCode}"), ("anonymous", "/verify/no-such-certificate"),
        ("trainee", "/lessons"), ("trainee", $"/lessons/{d.LessonId}"), ("trainee", $"/lessons/{d.LessonId}/print"),
        ("trainee", "/lessons/search?q=客户"), ("trainee", "/exams"), ("trainee", $"/exams/{d.PaperId}"),
        ("trainee", $"/exams/{PaperSeeder.CertificationId}"), ("trainee", $"/exams/attempt/{d.OpenAttemptId}"),
        ("trainee", $"/exams/attempt/{d.FinishedAttemptId}/result"), ("trainee", $"/exams/attempt/{d.FinishedAttemptId}/result?wrong=1"),
        ("trainee", "/certificates"), ("trainee", "/practice"), ("trainee", "/mistakes"), ("trainee", "/notifications/preferences"),
        ("trainee", "/account/change-password"),
        ("examiner", "/bank"), ("examiner", $"/bank/{d.QuestionId}"), ("examiner", $"/bank/{d.QuestionId}/edit"), ("examiner", "/bank/new"),
        ("examiner", "/bank/import"), ("examiner", "/bank/lint"), ("examiner", "/papers"), ("examiner", "/papers/new"),
        ("examiner", $"/papers/{PaperSeeder.CertificationId}/edit"), ("examiner", "/grading"), ("examiner", $"/grading/regrade/{d.QuestionId}"),
        ("examiner", "/results"), ("examiner", $"/results/{d.PaperId}"), ("examiner", $"/results/attempt/{d.FinishedAttemptId}"),
        ("examiner", "/analytics"), ("examiner", $"/analytics/papers/{d.PaperId}"), ("examiner", "/admin/content"),
        ("hr", "/records"), ("hr", $"/records/trainee/{d.TraineeUserId}"), ("hr", "/analytics/cohort"), ("hr", "/admin/verification"),
        ("admin", "/admin/users"), ("admin", "/admin/users/create"), ("admin", $"/admin/users/{d.TraineeUserId}/edit"),
        ("admin", "/admin/users/import"), ("admin", "/admin/audit"), ("admin", "/admin/outbox"),
        ("admin", "/papers/approvals"), ("admin", "/admin/programmes"), ("admin", "/admin/programmes/new"),
        ("admin", $"/admin/programmes/{CertPlatform.Web.Data.CertificationProgramme.SeededId}/edit"),
    ];

    /// <summary>The status a walked page answers with: 200, except the unknown verification code (404).</summary>
    public static int ExpectedStatus(string url) => url.StartsWith("/verify/no-such", StringComparison.Ordinal) ? 404 : 200;

    /// <summary>A context for <paramref name="role"/> at the given width ("anonymous" stays signed out), with its page.</summary>
    public static async Task<(IBrowserContext Context, IPage Page)> OpenAsync(
        SiteFixture site, string role, int width, int height, bool javaScript = true, string? culture = null)
    {
        var context = await site.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height }, DeviceScaleFactor = 1,
            IsMobile = width < 500, HasTouch = width < 500, JavaScriptEnabled = javaScript,
        });
        if (culture is not null)
            await context.AddCookiesAsync([new Cookie
            {
                Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = site.BaseAddress.ToString(),
            }]);
        // Some pages do real work (the bank lint checks every question): on a loaded machine they took over 90 s.
        context.SetDefaultNavigationTimeout(180_000);
        var page = await context.NewPageAsync();
        if (role != "anonymous")
        {
            var account = DemoAccounts.All.Single(a => a.Role.Equals(role, StringComparison.OrdinalIgnoreCase));
            await page.LogInAsync(account.Email, account.Password, "/");
        }
        return (context, page);
    }

    /// <summary>The widths every layout walk checks: a 1366 px laptop and a 390 px phone.</summary>
    public static readonly (string Name, int Width, int Height)[] LaptopAndPhone = [("1366", 1366, 900), ("390", 390, 844)];

    /// <summary>
    /// Visits every walked page (<see cref="Urls"/>) as its role at each of <paramref name="viewports"/>, one browser
    /// context per role and width, runs <paramref name="check"/> on each page that answered with its expected status
    /// (the viewport's name is passed along) and fails with every problem found, each prefixed by width, role and URL.
    /// Progress goes to <c>TestResults/{logName}.log</c>, page by page, for long runs on a busy machine.
    /// </summary>
    public static async Task WalkAsync(SiteFixture site, string logName, IReadOnlyList<(string Name, int Width, int Height)> viewports,
        Func<IPage, string, Task<IEnumerable<string>>> check, bool javaScript = true, string? culture = null, bool checkRouteTable = false)
    {
        var urls = Urls(await WalkData.ForAsync(site));
        if (checkRouteTable) AssertEveryPageRouteIsWalked(site, urls.Select(u => u.Url));
        var progress = Path.Combine(RepoPaths.Root, "TestResults", logName + ".log");
        Directory.CreateDirectory(Path.GetDirectoryName(progress)!);
        await File.WriteAllTextAsync(progress, "");
        var problems = new List<string>();
        var visited = 0;
        var unanswered = 0;
        foreach (var (name, width, height) in viewports)
        {
            foreach (var role in urls.Select(u => u.Role).Distinct())
            {
                var (context, page) = await OpenAsync(site, role, width, height, javaScript, culture);
                await using var _ = context;
                foreach (var (_, url) in urls.Where(u => u.Role == role))
                {
                    var before = problems.Count;
                    var where = $"{name} px, {role}, {url}";
                    var status = (await page.GotoAsync(url))?.Status ?? 0;
                    if (status != ExpectedStatus(url))
                    {
                        problems.Add($"{where}: HTTP {status}");
                        unanswered++;
                    }
                    else
                    {
                        visited++;
                        problems.AddRange((await check(page, name)).Select(p => $"{where}: {p}"));
                    }
                    await File.AppendAllTextAsync(progress, $"{DateTime.UtcNow:HH:mm:ss} {where}\n" + string.Concat(problems.Skip(before).Select(p => "  " + p + "\n")));
                }
            }
        }
        Assert.Equal(urls.Count * viewports.Count, visited + unanswered);
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) on {urls.Count} pages × {viewports.Count} width(s):\n" + string.Join("\n", problems));
    }

    /// <summary>Every GET route of the app that renders a page is in <paramref name="urls"/> (or deliberately listed in <see cref="NotPages"/>).</summary>
    public static void AssertEveryPageRouteIsWalked(SiteFixture site, IEnumerable<string> urls)
    {
        var paths = urls.Select(u => u.Split('?')[0]).ToList();
        var routes = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(r => !r.StartsWith("/api/", StringComparison.Ordinal) && !r.StartsWith("/credentials/", StringComparison.Ordinal) &&
                        !r.StartsWith("/images/", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.NotEmpty(routes);
        var missing = routes.Where(r => !NotPages.Contains(r) && !paths.Any(p => Pattern(r).IsMatch(p))).ToList();
        Assert.True(missing.Count == 0, "page routes the walk does not visit (add a URL or list the route in NotPages):\n" + string.Join("\n", missing));
    }

    /// <summary>Horizontal page overflow, and key elements whose text is wider than their own box (crushed columns, labels).</summary>
    public static Task<string[]> LayoutProblemsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
            const out = [];
            const doc = document.scrollingElement;
            const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '') +
                ` "${(e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 30)}"`;
            if (doc.scrollWidth > window.innerWidth + 1) {
                const wide = [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                    .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
                    .slice(0, 4).map(e => `${describe(e)} right ${Math.round(e.getBoundingClientRect().right)}px`);
                out.push(`page scrolls sideways: scrollWidth ${doc.scrollWidth} > innerWidth ${window.innerWidth}; ${wide.join('; ')}`);
            }
            const key = 'h1, h2, h3, legend, label, button, .button, summary, th, td, dt, dd, .badge, .verdict, .timer, nav a';
            for (const e of document.querySelectorAll(key)) {
                const style = getComputedStyle(e);
                if (style.display === 'inline' || style.display === 'none' || e.clientWidth === 0) continue;
                if (style.overflowX !== 'visible' || style.textOverflow === 'ellipsis') continue; // scrolls or truncates on purpose
                if (e.closest('.visually-hidden, [hidden]')) continue;
                if (e.scrollWidth > e.clientWidth + 2) out.push(`text wider than its box (${e.scrollWidth} > ${e.clientWidth} px): ${describe(e)}`);
            }
            return out.slice(0, 10);
        }
        """);

    private static Regex Pattern(string route) =>
        new("^" + ParameterRegex().Replace(Regex.Escape(route).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "/?$");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterRegex();
}
