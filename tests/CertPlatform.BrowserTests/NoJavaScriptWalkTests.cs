using CertPlatform.BrowserTests.Infrastructure;
using CertPlatform.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPlatform.BrowserTests;

/// <summary>
/// The page walk's pages with JavaScript switched off, at 1366 px: each page answers, shows its main heading, and
/// shows no control that only works with a script (a button with no form to submit, a link to nowhere, an inline
/// handler); and the forms people use most still submit.
/// </summary>
[Collection(ExamSiteCollection.Name)]
public sealed class NoJavaScriptWalkTests(ExamSiteFixture site)
{
    [Fact]
    public Task Every_page_without_JavaScript_answers_shows_its_heading_and_no_script_only_control() =>
        WalkPages.WalkAsync(site, "no-javascript-walk", [WalkPages.LaptopAndPhone[0]],
            async (page, _) => await ScriptOnlyProblemsAsync(page), javaScript: false);

    [Fact]
    public async Task A_trainee_starts_a_practice_round_and_answers_a_question_without_JavaScript()
    {
        var user = await site.CreateTraineeAsync();
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        context.SetDefaultNavigationTimeout(180_000); // as the walks: a first practice draw on a busy CI machine took over 30 s
        var page = await context.NewPageAsync();
        await page.LogInAsync(user.Email, user.Password, "/practice"); // signing in is a form too

        await page.Locator("form.practice-parts button[name=Part]").First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/practice/question");
        var card = page.Locator("form.practice-card");
        if (await card.Locator("input[type=radio]").CountAsync() > 0) await card.Locator("input[type=radio]").First.CheckAsync();
        if (await card.Locator("input[type=checkbox]").CountAsync() > 0) await card.Locator("input[type=checkbox]").First.CheckAsync();
        foreach (var box in await card.Locator("input[type=text], textarea").AllAsync()) await box.FillAsync("客户");
        // Matching and ordering questions answer in drop-downs (first entry a "choose" placeholder): in each group the
        // i-th list takes the i-th choice, so an ordering's places are each given once (an unanswered or half-ranked
        // question is sent back with a message, not graded).
        foreach (var group in await card.Locator("fieldset:has(select)").AllAsync())
        {
            var lists = await group.Locator("select").AllAsync();
            for (var i = 0; i < lists.Count; i++)
            {
                var values = (await lists[i].Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)")).Skip(1).ToArray();
                if (values.Length > 0) await lists[i].SelectOptionAsync(values[i % values.Length]);
            }
        }
        await card.Locator(".practice-actions button[type=submit]:not([name])").ClickAsync();

        // The answer either shows its feedback or comes back to the question with a message: fail at once with the message.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath is "/practice/feedback" or "/practice/answer");
        var path = new Uri(page.Url).AbsolutePath;
        Assert.True(path == "/practice/feedback",
            $"the answer came back to {path}: {await page.Locator("main").InnerTextAsync()}");
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-verdict", new System.Text.RegularExpressions.Regex("^(right|partial|wrong)$"));
    }

    [Fact]
    public async Task HR_searches_records_and_an_examiner_filters_the_bank_without_JavaScript()
    {
        var data = await WalkData.ForAsync(site);
        var holder = await site.QueryAsync(db => db.Certificates.Where(c => c.Id == data.CertificateId).Select(c => c.HolderName).SingleAsync());

        var (hrContext, hr) = await WalkPages.OpenAsync(site, "hr", 1366, 900, javaScript: false);
        await using (hrContext)
        {
            await hr.GotoAsync("/records");
            await hr.Locator("#records-filter input[name=name]").FillAsync(holder);
            await hr.Locator("#records-filter button[type=submit]").ClickAsync();
            await hr.WaitForURLAsync(url => new Uri(url).Query.Contains("name=", StringComparison.Ordinal));
            await Expect(hr.Locator($"#records-table tr[data-id='{data.CertificateId}']")).ToBeVisibleAsync();
        }

        var (examinerContext, examiner) = await WalkPages.OpenAsync(site, "examiner", 1366, 900, javaScript: false);
        await using (examinerContext)
        {
            await examiner.GotoAsync("/bank");
            await examiner.Locator("form.filters select[name=Type]").SelectOptionAsync("TrueFalse");
            await examiner.Locator("form.filters:not(.export) button[type=submit]").ClickAsync();
            await examiner.WaitForURLAsync(url => new Uri(url).Query.Contains("Type=TrueFalse", StringComparison.Ordinal));
            await Expect(examiner.Locator("form.filters select[name=Type]")).ToHaveValueAsync("TrueFalse");
            Assert.True(await examiner.Locator("#bank-table tbody tr").CountAsync() > 0, "no true/false question listed after filtering");
        }
    }

    /// <summary>
    /// The visible main heading is missing, or a visible control does nothing without a script: a button that is
    /// type="button" or belongs to no form, an input type="button", a link with no real href, an element given a
    /// button/link role that is not a native control, or an inline on… handler.
    /// </summary>
    public static Task<string[]> ScriptOnlyProblemsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
            const out = [];
            const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
            const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '') +
                ` "${(e.textContent || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 30)}"`;
            const h1 = [...document.querySelectorAll('h1')].filter(shown);
            if (h1.length === 0 || !h1[0].textContent.trim()) out.push('no visible main heading (h1)');
            for (const e of document.body.querySelectorAll('*')) {
                if (!shown(e)) continue;
                const tag = e.tagName;
                let why = null;
                if (tag === 'BUTTON' && e.type === 'button') why = 'button type="button" does nothing without a script';
                else if (tag === 'BUTTON' && !e.form) why = 'button outside any form';
                else if (tag === 'INPUT' && e.type === 'button') why = 'input type="button" does nothing without a script';
                else if (tag === 'A' && e.hasAttribute('href') && /^\s*(#\s*$|javascript:)/i.test(e.getAttribute('href'))) why = `link to "${e.getAttribute('href')}"`;
                else if (/^(button|link|tab|menuitem)$/.test(e.getAttribute('role') || '') && !['A', 'BUTTON', 'SUMMARY', 'INPUT'].includes(tag)) why = `role="${e.getAttribute('role')}" on a ${tag.toLowerCase()}`;
                else if ([...e.attributes].some(a => /^on/i.test(a.name))) why = 'inline event handler';
                if (why) out.push(`${describe(e)}: ${why}`);
            }
            return out.slice(0, 15);
        }
        """);
}
