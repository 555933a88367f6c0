using System.Text.Encodings.Web;
using System.Text.Unicode;
using CertPlatform.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Html;

namespace CertPlatform.UnitTests.Infrastructure.Web;

public sealed class ContentTextTests
{
    [Theory]
    [InlineData("售后服务", "zh-CN")]
    [InlineData("VIP客户服务经理（四级）", "zh-CN")]
    [InlineData("Alice Smith", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Lang_marks_text_with_Chinese_characters_only(string? text, string? expected) =>
        Assert.Equal(expected, ContentText.Lang(text));

    [Fact]
    public void Format_encodes_every_part_and_marks_only_the_Chinese_arguments()
    {
        var html = Render(ContentText.Format("Programme: {0} · paper version v{1} <{2}>", "四级<认证>", 3, "R&D"));
        Assert.Equal("Programme: <span lang=\"zh-CN\">四级&lt;认证&gt;</span> · paper version v3 &lt;R&amp;D&gt;", html);
    }

    [Fact]
    public void Format_leaves_a_placeholder_without_an_argument_empty()
    {
        Assert.Equal("a  b", Render(ContentText.Format("a {0} b")));
    }

    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Create(UnicodeRanges.All)); // as the app configures it
        return writer.ToString();
    }
}
