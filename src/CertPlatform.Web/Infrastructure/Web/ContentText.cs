using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace CertPlatform.Web.Infrastructure.Web;

/// <summary>
/// Content (lesson and paper titles, names, search words: Chinese by nature) inside a localised UI sentence. Each
/// argument is HTML-encoded and, when it holds Chinese characters, wrapped in <c>&lt;span lang="zh-CN"&gt;</c>, so in
/// the English UI screen readers switch voice and the English-UI browser test can tell content from chrome.
/// </summary>
public static partial class ContentText
{
    /// <summary>The language to mark <paramref name="text"/> with: zh-CN when it holds Chinese characters, else none (null drops the attribute).</summary>
    public static string? Lang(string? text) => text is not null && HanRegex().IsMatch(text) ? "zh-CN" : null;

    /// <summary><paramref name="format"/> (a localised string with {0}, {1} …) with each argument encoded and marked.</summary>
    public static IHtmlContent Format(string format, params object?[] args)
    {
        var parts = PlaceholderRegex().Split(format);
        var builder = new HtmlContentBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 0) { builder.Append(parts[i]); continue; }
            var index = int.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture);
            var text = index < args.Length ? Convert.ToString(args[index], System.Globalization.CultureInfo.CurrentCulture) ?? "" : "";
            // Text is encoded when the view writes it, with the app's encoder (Chinese stays readable in the source).
            if (Lang(text) is { } lang) builder.AppendHtml($"<span lang=\"{lang}\">").Append(text).AppendHtml("</span>");
            else builder.Append(text);
        }
        return builder;
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex PlaceholderRegex();

    [GeneratedRegex(@"[\u3400-\u9fff\uf900-\ufaff]")]
    private static partial Regex HanRegex();
}
