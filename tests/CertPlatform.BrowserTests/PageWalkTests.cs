using CertPlatform.BrowserTests.Infrastructure;
using Deque.AxeCore.Playwright;

namespace CertPlatform.BrowserTests;

/// <summary>
/// Every page, as each role sees it, at a 1366 px laptop and a 390 px phone: no serious or critical axe-core
/// violation, no sideways scrolling of the page, no text wider than its box, and no raw status or type name
/// (<see cref="RawNames"/>: "Ready" where 可用 belongs), and no phone page wider than the screen (<see cref="PhoneZoom"/>).
/// One walk checks them all, so each
/// page is loaded once per viewport. The URL list (<see cref="WalkPages"/>) is checked against the app's route table,
/// so a new page cannot be left out by accident.
/// </summary>
[Collection(ExamSiteCollection.Name)]
public sealed class PageWalkTests(ExamSiteFixture site)
{
    public static readonly (string Name, int Width, int Height)[] Viewports = [("1366", 1366, 900), ("390", 390, 844)];

    [Fact]
    public async Task Every_page_at_1366_and_390_px_has_no_serious_axe_violation_no_sideways_scroll_and_no_spilling_text()
    {
        var data = await WalkData.ForAsync(site);
        var urls = WalkPages.Urls(data);
        WalkPages.AssertEveryPageRouteIsWalked(site, urls.Select(u => u.Url));

        var problems = new List<string>();
        var visited = 0;
        // Progress, page by page, for a long run on a busy machine: TestResults/page-walk.log.
        var progress = Path.Combine(RepoPaths.Root, "TestResults", "page-walk.log");
        Directory.CreateDirectory(Path.GetDirectoryName(progress)!);
        await File.WriteAllTextAsync(progress, "");
        foreach (var (name, width, height) in Viewports)
        {
            foreach (var role in urls.Select(u => u.Role).Distinct())
            {
                var (context, page) = await WalkPages.OpenAsync(site, role, width, height);
                await using var _ = context;
                foreach (var (_, url) in urls.Where(u => u.Role == role))
                {
                    var before = problems.Count;
                    var response = await page.GotoAsync(url);
                    var where = $"{name} px, {role}, {url}";
                    var status = response?.Status ?? 0;
                    if (status != WalkPages.ExpectedStatus(url)) { problems.Add($"{where}: HTTP {status}"); continue; }
                    await page.WaitForImagesAsync();
                    visited++;
                    problems.AddRange((await WalkPages.LayoutProblemsAsync(page)).Select(p => $"{where}: {p}"));
                    problems.AddRange((await RawNames.ProblemsAsync(page)).Select(p => $"{where}: {p}"));
                    problems.AddRange((await PhoneZoom.ProblemsAsync(page)).Select(p => $"{where}: {p}"));
                    var axe = await page.RunAxe();
                    foreach (var v in axe.Violations.Where(v => v.Impact is "serious" or "critical"))
                        problems.Add($"{where}: axe {v.Impact} {v.Id} ({v.Help}): " +
                            string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Target} {n.Html?[..Math.Min(n.Html.Length, 120)]}")));
                    await File.AppendAllTextAsync(progress, $"{DateTime.UtcNow:HH:mm:ss} {where}\n" + string.Concat(problems.Skip(before).Select(p => "  " + p + "\n")));
                }
            }
        }
        Assert.Equal(urls.Count * Viewports.Length, visited + problems.Count(p => p.Contains(": HTTP ", StringComparison.Ordinal)));
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) on {urls.Count} pages × {Viewports.Length} widths:\n" + string.Join("\n", problems));
    }
}
