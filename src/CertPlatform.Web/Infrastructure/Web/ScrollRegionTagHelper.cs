using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Infrastructure.Web;

/// <summary>
/// Every sideways-scrolling wrapper (<c>&lt;div class="table-wrap"&gt;</c>) can take keyboard focus and is a named
/// region, so keyboard users can scroll it too (axe rule scrollable-region-focusable, WCAG 2.1.1). A view may name the
/// region itself with aria-label; otherwise it is called "表格（可左右滚动）".
/// </summary>
[HtmlTargetElement("div", Attributes = "[class^=table-wrap]")]
public sealed class ScrollRegionTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var classes = output.Attributes["class"]?.Value?.ToString()?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (!classes.Contains("table-wrap")) return;
        if (!output.Attributes.ContainsName("tabindex")) output.Attributes.SetAttribute("tabindex", "0");
        if (!output.Attributes.ContainsName("role")) output.Attributes.SetAttribute("role", "region");
        if (!output.Attributes.ContainsName("aria-label") && !output.Attributes.ContainsName("aria-labelledby"))
            output.Attributes.SetAttribute("aria-label", localizer["表格（可左右滚动）"].Value);
    }
}
