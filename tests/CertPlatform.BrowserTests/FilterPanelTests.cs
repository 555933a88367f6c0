using CertPlatform.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPlatform.BrowserTests;

/// <summary>
/// The filter forms (question bank, HR records, item analysis, cohort mastery, admin users, audit trail) fold into a 筛选 disclosure on a
/// phone, so the results start on the first screen: folded at 390 px while no filter is set, open when one is (its
/// summary naming the conditions), and open at 1366 px — with JavaScript and, on a laptop, without it.
/// </summary>
[Collection(ExamSiteCollection.Name)]
public sealed class FilterPanelTests(ExamSiteFixture site)
{
    public static TheoryData<string, string, string, string> Panels => new()
    {
        // role, page, its panel, a control inside the form
        { "examiner", "/bank", "#bank-filter-panel", "#Part" },
        { "hr", "/records", "#records-filter-panel", "#name" },
        { "hr", "/analytics/cohort", "#cohort-filter-panel", "#organization" },
        { "admin", "/admin/users", "#users-filter-panel", "#role" },
        { "admin", "/admin/audit", "#audit-filter-panel", "#action" },
    };

    [Theory]
    [MemberData(nameof(Panels))]
    public async Task A_filter_form_is_folded_on_a_phone_and_open_on_a_laptop(string role, string url, string panel, string control)
    {
        var (phoneContext, phone) = await WalkPages.OpenAsync(site, role, 390, 844);
        await using (phoneContext)
        {
            await phone.GotoAsync(url);
            await Expect(phone.Locator(panel)).Not.ToHaveAttributeAsync("open", "");
            await Expect(phone.Locator(control)).Not.ToBeVisibleAsync();
            await Expect(phone.Locator($"{panel} > summary")).ToContainTextAsync("未设条件");
            // The results start on the first screen: the folded panel leaves at least 200 px of an 844 px phone below it.
            var bottom = await phone.Locator(panel).EvaluateAsync<double>("e => e.getBoundingClientRect().bottom");
            Assert.True(bottom < 844 - 200, $"{url}: the folded filter ends at {bottom} px");
            // Its summary is a real control: a tap (or Enter) unfolds the form, labels and all.
            await phone.Locator($"{panel} > summary").ClickAsync();
            await Expect(phone.Locator(control)).ToBeVisibleAsync();
            var id = control.TrimStart('#');
            await Expect(phone.Locator($"{panel} label[for='{id}']")).ToBeVisibleAsync();
        }

        var (laptopContext, laptop) = await WalkPages.OpenAsync(site, role, 1366, 900);
        await using (laptopContext)
        {
            await laptop.GotoAsync(url);
            await Expect(laptop.Locator(panel)).ToHaveAttributeAsync("open", "");
            await Expect(laptop.Locator(control)).ToBeVisibleAsync();
        }

        // Without JavaScript a laptop still shows the form (CSS), and a phone still folds it.
        var (noJsContext, noJs) = await WalkPages.OpenAsync(site, role, 1366, 900, javaScript: false);
        await using (noJsContext)
        {
            await noJs.GotoAsync(url);
            await Expect(noJs.Locator(control)).ToBeVisibleAsync();
        }
        var (noJsPhoneContext, noJsPhone) = await WalkPages.OpenAsync(site, role, 390, 844, javaScript: false);
        await using (noJsPhoneContext)
        {
            await noJsPhone.GotoAsync(url);
            await Expect(noJsPhone.Locator(control)).Not.ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task On_a_phone_a_filter_that_is_set_keeps_the_form_open_and_the_summary_names_it()
    {
        var (context, page) = await WalkPages.OpenAsync(site, "admin", 390, 844);
        await using var _ = context;
        await page.GotoAsync("/bank?Type=TrueFalse&Difficulty=2");
        await Expect(page.Locator("#bank-filter-panel")).ToHaveAttributeAsync("open", "");
        await Expect(page.Locator("#Type")).ToBeVisibleAsync();
        var summary = page.Locator("#bank-filter-panel > summary .filter-active");
        await Expect(summary).ToContainTextAsync("题型：判断");
        await Expect(summary).ToContainTextAsync("难度：2");
        await Expect(page.Locator("#bank-filter-panel a[href='/bank']")).ToHaveTextAsync("清除条件");

        await page.GotoAsync("/records?status=revoked");
        await Expect(page.Locator("#records-filter-panel")).ToHaveAttributeAsync("open", "");
        await Expect(page.Locator("#records-filter-panel > summary .filter-active")).ToContainTextAsync("状态：已撤销");

        await page.GotoAsync("/admin/users?role=HR&status=inactive");
        await Expect(page.Locator("#users-filter-panel")).ToHaveAttributeAsync("open", "");
        await Expect(page.Locator("#users-filter-panel > summary .filter-active")).ToContainTextAsync("状态：已停用");
        await Expect(page.Locator("#users-filter-panel a[href='/admin/users']")).ToHaveTextAsync("清除条件");

        await page.GotoAsync("/admin/audit?action=certificate.");
        await Expect(page.Locator("#audit-filter-panel")).ToHaveAttributeAsync("open", "");
        await Expect(page.Locator("#audit-filter-panel > summary .filter-active")).ToContainTextAsync("操作：certificate.");
    }
}
