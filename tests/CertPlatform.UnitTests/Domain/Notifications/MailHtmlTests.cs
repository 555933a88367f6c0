using CertPlatform.Web.Domain.Notifications;

namespace CertPlatform.UnitTests.Domain.Notifications;

public sealed class MailHtmlTests
{
    [Fact]
    public void Paragraphs_line_breaks_and_links_are_kept_and_everything_else_is_encoded()
    {
        var html = MailHtml.FromText("王五，您好：\n\n原因：<script>alert(1)</script> & 其他\n验证：https://certs.example.test/verify/abc?x=1&y=2\n");
        Assert.Contains("<p>王五，您好：</p>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 其他<br>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("<a href=\"https://certs.example.test/verify/abc?x=1&amp;y=2\">https://certs.example.test/verify/abc?x=1&amp;y=2</a>", html);
    }

    [Fact]
    public void A_quote_ends_a_link_so_it_cannot_escape_the_attribute()
    {
        var html = MailHtml.FromText("https://a.test/\"onmouseover=\"x");
        Assert.Contains("<a href=\"https://a.test/\">https://a.test/</a>&quot;onmouseover=&quot;x", html);
    }
}
