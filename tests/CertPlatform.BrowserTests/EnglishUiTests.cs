using CertPlatform.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CertPlatform.BrowserTests;

/// <summary>
/// The page walk's pages with the UI language set to English (the language cookie the header's "English" link sets),
/// at 1366 and 390 px: English text is longer, so the layout checks run again, and no piece of UI chrome — heading,
/// label, button, table header, navigation, placeholder, accessible name, message — is still in Chinese. Content
/// (lesson text, question stems and options, paper titles, people's names from the data) is Chinese by nature: the
/// views mark it <c>lang="zh-CN"</c> (see ContentLanguage), which is what tells screen readers to switch voice too,
/// and the check skips text inside such an element.
/// </summary>
[Collection(ExamSiteCollection.Name)]
public sealed class EnglishUiTests(ExamSiteFixture site)
{
    [Fact]
    public Task Every_page_in_English_at_1366_and_390_px_has_no_Chinese_chrome_no_sideways_scroll_and_no_spilling_text() =>
        WalkPages.WalkAsync(site, "english-walk", WalkPages.LaptopAndPhone, async (page, viewport) =>
        {
            var problems = new List<string>();
            var lang = await page.Locator("html").GetAttributeAsync("lang");
            if (lang != "en") problems.Add($"html lang=\"{lang}\", not \"en\"");
            problems.AddRange(await WalkPages.LayoutProblemsAsync(page));
            // The text is the same at both widths: read it once.
            if (viewport == WalkPages.LaptopAndPhone[0].Name)
                problems.AddRange((await ChineseChromeAsync(page)).Select(p => $"Chinese UI text {p}"));
            return problems;
        }, culture: "en");

    /// <summary>
    /// Text nodes and user-facing attributes (title, placeholder, alt, aria-label, button values, the document title)
    /// holding Chinese characters outside an element marked <c>lang="zh…"</c>. Hidden text counts too: it is shown
    /// later (messages, dialogs) or read by screen readers. Form values (textarea text, input values) are the user's.
    /// </summary>
    public static Task<string[]> ChineseChromeAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
            const han = /[\u3400-\u9fff\uf900-\ufaff]/;
            const isContent = e => (e.closest('[lang]')?.getAttribute('lang') || '').toLowerCase().startsWith('zh');
            const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '');
            const out = [];
            // The title's last part is the site name (chrome); the part before may be content (a lesson's title).
            if (document.title.includes(' · ') && han.test(document.title.split(' · ').pop())) out.push(`in <title>: "${document.title}"`);
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n; (n = walker.nextNode());) {
                const t = n.textContent.trim();
                const e = n.parentElement;
                if (!han.test(t) || e.closest('script, style, noscript, template, textarea') || isContent(e)) continue;
                out.push(`in ${describe(e)}: "${t.replace(/\s+/g, ' ').slice(0, 60)}"`);
            }
            for (const e of document.body.querySelectorAll('[title], [placeholder], [alt], [aria-label], [aria-description], input[type=submit], input[type=button]')) {
                if (isContent(e)) continue;
                for (const a of ['title', 'placeholder', 'alt', 'aria-label', 'aria-description', 'value']) {
                    if (a === 'value' && !(e.tagName === 'INPUT' && (e.type === 'submit' || e.type === 'button'))) continue;
                    const v = e.getAttribute(a);
                    if (v && han.test(v)) out.push(`in ${describe(e)} [${a}]: "${v.slice(0, 60)}"`);
                }
            }
            return [...new Set(out)].slice(0, 40);
        }
        """);
}
