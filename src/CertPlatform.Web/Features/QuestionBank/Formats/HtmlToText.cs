using System.Text;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// HTML fragment → plain text, without a DOM and without backtracking regexes: tags are dropped
/// (script, style, head, title, template, iframe, object with their content), comments are dropped,
/// <c>&lt;br&gt;</c> and block ends become line breaks, table cells are separated by a space, images become
/// "[图片]", entities are decoded (HTML5 named and numeric), runs of whitespace collapse to one space,
/// lines are trimmed and empty lines removed.
/// </summary>
internal static class HtmlToText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
        "hr", "dl", "dt", "dd", "section", "article", "header", "footer", "figure", "figcaption", "address", "tbody", "thead",
    };

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "head", "title", "template", "iframe", "object", "noscript", "svg", "math",
    };

    public static string Convert(string html, bool newlinesAreBreaks)
    {
        var lines = new List<StringBuilder> { new() };
        var text = new StringBuilder();
        void Flush()
        {
            if (text.Length == 0) return;
            var decoded = System.Net.WebUtility.HtmlDecode(text.ToString());
            text.Clear();
            var line = lines[^1];
            foreach (var ch in decoded)
            {
                if (ch is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    if (line.Length > 0 && line[^1] != ' ') line.Append(' ');
                }
                else if (ch == '\u00A0') line.Append(' '); // &nbsp; does not collapse: "（&nbsp;&nbsp;）" stays two spaces wide
                else if (ch != '\u200B') line.Append(ch);
            }
        }
        void Break()
        {
            Flush();
            lines.Add(new StringBuilder());
        }

        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '\n' && newlinesAreBreaks) { Break(); i++; continue; }
            if (c != '<') { text.Append(c); i++; continue; }
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }
            var next = i + 1 < html.Length ? html[i + 1] : '\0';
            if (!(char.IsAsciiLetter(next) || next is '/' or '!' or '?'))
            {
                text.Append(c); // a lone '<' is text
                i++;
                continue;
            }
            var close = next == '/';
            var nameStart = close ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':')) nameEnd++;
            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var tagEnd = TagEnd(html, nameEnd);
            i = tagEnd;
            if (Dropped.Contains(name) && !close)
            {
                var endTag = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = endTag < 0 ? html.Length : TagEnd(html, endTag + 2 + name.Length);
                continue;
            }
            if (Blocks.Contains(name)) Break();
            else if (name is "td" or "th") { Flush(); text.Append(' '); }
            else if (name == "img" && !close) { Flush(); text.Append("[图片]"); }
        }
        Flush();
        return string.Join('\n', lines.Select(l => l.ToString().Trim()).Where(l => l.Length > 0));
    }

    /// <summary>Index after the '>' that closes a tag, skipping quoted attribute values (a quote opens a value only after '=').</summary>
    private static int TagEnd(string html, int from)
    {
        var quote = '\0';
        var last = '\0';
        for (var j = from; j < html.Length; j++)
        {
            var ch = html[j];
            if (quote != '\0') { if (ch == quote) { quote = '\0'; last = ch; } continue; }
            if (ch is '"' or '\'' && last == '=') { quote = ch; continue; }
            if (ch == '>') return j + 1;
            if (!char.IsWhiteSpace(ch)) last = ch;
        }
        return html.Length;
    }
}
