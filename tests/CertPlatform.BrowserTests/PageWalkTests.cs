using CertPlatform.BrowserTests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

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
    [Fact]
    public Task Every_page_at_1366_and_390_px_has_no_serious_axe_violation_no_sideways_scroll_and_no_spilling_text() =>
        WalkPages.WalkAsync(site, "page-walk", WalkPages.LaptopAndPhone, LayoutAndAxeProblemsAsync, checkRouteTable: true);

    private static async Task<IEnumerable<string>> LayoutAndAxeProblemsAsync(IPage page, string viewport)
    {
        await page.WaitForImagesAsync();
        var problems = (await WalkPages.LayoutProblemsAsync(page)).ToList();
        problems.AddRange(await RawNames.ProblemsAsync(page));
        problems.AddRange(await PhoneZoom.ProblemsAsync(page));
        var axe = await page.RunAxe();
        foreach (var v in axe.Violations.Where(v => v.Impact is "serious" or "critical"))
            problems.Add($"axe {v.Impact} {v.Id} ({v.Help}): " +
                string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Target} {n.Html?[..Math.Min(n.Html.Length, 120)]}")));
        return problems;
    }
}
