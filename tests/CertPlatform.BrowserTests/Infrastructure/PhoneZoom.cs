using Microsoft.Playwright;

namespace CertPlatform.BrowserTests.Infrastructure;

/// <summary>
/// A page wider than a phone's screen does not scroll sideways in a mobile browser: the browser widens the layout
/// viewport to the content and zooms out (everything gets smaller), so <c>scrollWidth &gt; innerWidth</c> never fires.
/// This check compares the layout width with the screen: on the 390 px phone, a 426 px layout viewport (a file input's
/// built-in width on the verify page did that) is a failure.
/// </summary>
public static class PhoneZoom
{
    public static Task<string[]> ProblemsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
            if (window.innerWidth <= screen.width + 1) return [];
            const wide = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > screen.width + 1)
                .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > screen.width + 1))
                .slice(0, 4).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '') +
                    ` right ${Math.round(e.getBoundingClientRect().right)}px`);
            return [`page wider than the ${screen.width} px screen: the browser zoomed out to a ${window.innerWidth} px layout; ${wide.join('; ')}`];
        }
        """);
}
