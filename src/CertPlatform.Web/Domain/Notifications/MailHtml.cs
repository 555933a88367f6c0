using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CertPlatform.Web.Domain.Notifications;

/// <summary>The HTML part of a mail, made from its plain text: paragraphs at blank lines, line breaks kept, web addresses as links, everything else encoded.</summary>
public static partial class MailHtml
{
    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();

    public static string FromText(string text)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.6\">");
        foreach (var paragraph in Regex.Split(text.Replace("\r\n", "\n").Trim('\n'), @"\n[ \t]*\n"))
        {
            if (paragraph.Trim().Length == 0) continue;
            html.Append("<p>");
            html.Append(string.Join("<br>", paragraph.Split('\n').Select(Line)));
            html.Append("</p>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static string Line(string line)
    {
        var sb = new StringBuilder();
        var last = 0;
        foreach (Match m in Url().Matches(line))
        {
            sb.Append(WebUtility.HtmlEncode(line[last..m.Index]));
            var url = WebUtility.HtmlEncode(m.Value);
            sb.Append($"<a href=\"{url}\">{url}</a>");
            last = m.Index + m.Length;
        }
        return sb.Append(WebUtility.HtmlEncode(line[last..])).ToString();
    }
}
