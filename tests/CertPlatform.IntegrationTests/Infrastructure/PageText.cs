using System.Net;
using System.Text.RegularExpressions;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// A page's text as a reader sees it: tags removed and entities decoded. Pages mark content inside translated
/// sentences with <c>&lt;span lang="zh-CN"&gt;</c>, so a sentence is asserted on the text, not on the markup.
/// </summary>
public static partial class PageText
{
    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    public static string Of(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));
}
