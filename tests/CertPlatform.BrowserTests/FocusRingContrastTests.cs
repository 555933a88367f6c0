using CertPlatform.BrowserTests.Infrastructure;
using CertPlatform.Web.Features.Papers;
using Microsoft.Playwright;

namespace CertPlatform.BrowserTests;

/// <summary>
/// WCAG 2.2 SC 1.4.11 / 2.4.13 on representative pages: tabbing through every control, each focus stop shows a ring
/// (an outline, or a box-shadow ring) at least 2 px thick whose colour has at least 3:1 contrast with the background
/// right behind it (the first non-transparent background up the ancestors, translucent layers blended over white).
/// </summary>
[Collection(ExamSiteCollection.Name)]
public sealed class FocusRingContrastTests(ExamSiteFixture site)
{
    private const int MaxStops = 120;

    [Fact]
    public async Task Every_focus_stop_on_representative_pages_has_a_visible_ring_with_at_least_3_to_1_contrast()
    {
        var d = await WalkData.ForAsync(site);
        (string Role, string Url)[] pages =
        [
            ("anonymous", "/account/login"), ("anonymous", $"/verify/{d.VerificationCode}"),
            ("trainee", $"/exams/attempt/{d.OpenAttemptId}"), ("trainee", $"/lessons/{d.LessonId}"),
            ("examiner", "/bank"), ("examiner", $"/papers/{PaperSeeder.CertificationId}/edit"),
            ("hr", "/records"),
        ];
        var problems = new List<string>();
        var stops = 0;
        foreach (var role in pages.Select(p => p.Role).Distinct())
        {
            var (context, page) = await WalkPages.OpenAsync(site, role, 1366, 900);
            await using var _ = context;
            foreach (var (_, url) in pages.Where(p => p.Role == role))
            {
                await page.GotoAsync(url);
                var (onPage, found) = await FocusRingProblemsAsync(page, url);
                Assert.True(onPage >= 3, $"{url}: only {onPage} focus stops found");
                stops += onPage;
                problems.AddRange(found);
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} focus ring problem(s) on {stops} stops:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task A_pale_focus_ring_or_none_at_all_is_reported()
    {
        // The site's Content-Security-Policy forbids injected styles: this context bypasses it to spoil the ring.
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = ":focus-visible { outline-color: #c8c8c8 !important; } #Password:focus-visible { outline: none !important; }" });
        var (_, problems) = await FocusRingProblemsAsync(page, "/account/login");
        Assert.Contains(problems, p => p.Contains("input#Email", StringComparison.Ordinal) && p.Contains("contrast 1.", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("input#Password", StringComparison.Ordinal) && p.Contains("no focus ring", StringComparison.Ordinal));
    }

    /// <summary>Tabs from the top of the page through every focus stop (until focus comes back to the first one).</summary>
    private static async Task<(int Stops, List<string> Problems)> FocusRingProblemsAsync(IPage page, string url)
    {
        var problems = new List<string>();
        var stops = 0;
        for (var i = 0; i < MaxStops; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var ring = await page.EvaluateAsync<FocusRing?>(ReadRing);
            if (ring is null) continue;
            if (ring.Again) break; // back at the first stop: every stop seen
            stops++;
            var where = $"{url}: {ring.Element}";
            if (!ring.Visible) problems.Add($"{where}: no focus ring (outline {ring.Style}, no box-shadow)");
            else if (ring.Width < 2) problems.Add($"{where}: focus ring {ring.Width:0.#} px thin");
            else if (ring.Ratio < 3) problems.Add($"{where}: focus ring {ring.Colour} on {ring.Background}, contrast {ring.Ratio:0.00}:1 < 3:1");
        }
        return (stops, problems);
    }

    /// <summary>The focused element's ring: outline (or, without one, the box-shadow) colour, width, and the colour behind it.</summary>
    private const string ReadRing = """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body || e === document.documentElement) return null;
            const again = e.hasAttribute('data-focus-seen');
            e.setAttribute('data-focus-seen', '');
            const canvas = document.createElement('canvas');
            canvas.width = canvas.height = 1;
            const ctx = canvas.getContext('2d', { willReadFrequently: true });
            // Any CSS colour (rgb, oklch, color-mix …) as [r, g, b, a] in 0..255 / 0..1, through the canvas.
            const rgba = c => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = '#000'; ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1);
                                const d = ctx.getImageData(0, 0, 1, 1).data; return [d[0], d[1], d[2], d[3] / 255]; };
            const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
            // The colour behind a point of e's ring: e's own background if the ring is drawn inside it, else its ancestors'.
            const behind = (start) => {
                const layers = [];
                for (let n = start; n && n.nodeType === 1; n = n.parentElement) {
                    const c = rgba(getComputedStyle(n).backgroundColor);
                    if (c[3] > 0) layers.push(c);
                    if (c[3] >= 1) break;
                }
                return layers.reverse().reduce((acc, c) => over(c, acc), [255, 255, 255, 1]);
            };
            const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                               return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const s = getComputedStyle(e);
            const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('name') ? `[name=${e.getAttribute('name')}]` : '') +
                (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '') +
                ` "${(e.textContent || e.value || e.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 30)}"`;
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
            let colour, width, inside;
            if (outline) {
                colour = s.outlineColor; width = parseFloat(s.outlineWidth);
                inside = parseFloat(s.outlineOffset) + width <= 0;
            } else if (s.boxShadow && s.boxShadow !== 'none') {
                // The first shadow drawn as a ring: "<colour> 0px 0px <blur> <spread> [inset]"; its spread is its width.
                const ring = s.boxShadow.split(/,(?![^(]*\))/).map(x => x.trim())
                    .map(x => ({ colour: x.match(/^(\w+\([^)]*\)|#\w+|\w+)/)[0], lengths: (x.replace(/^(\w+\([^)]*\)|#\w+|\w+)/, '').match(/-?[\d.]+px/g) || []).map(parseFloat), inset: /inset/.test(x) }))
                    .find(r => r.lengths.length >= 4 && r.lengths[3] > 0);
                if (ring) { colour = ring.colour; width = ring.lengths[3]; inside = ring.inset; }
            }
            if (colour === undefined) return { again, element: name, visible: false, style: s.outlineStyle, width: 0, ratio: 0, colour: '', background: '' };
            const bg = behind(inside ? e : e.parentElement);
            const ring = over(rgba(colour), bg);
            const [l1, l2] = [lum(ring), lum(bg)].sort((a, b) => b - a);
            const css = c => `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`;
            return { again, element: name, visible: true, style: s.outlineStyle, width, ratio: (l1 + 0.05) / (l2 + 0.05), colour: css(ring), background: css(bg) };
        }
        """;

    /// <summary>What the page reports about the focused element's ring (Playwright fills it through the parameterless constructor).</summary>
    private sealed class FocusRing
    {
        public bool Again { get; set; }
        public string Element { get; set; } = "";
        public bool Visible { get; set; }
        public string Style { get; set; } = "";
        public double Width { get; set; }
        public double Ratio { get; set; }
        public string Colour { get; set; } = "";
        public string Background { get; set; } = "";
    }
}
