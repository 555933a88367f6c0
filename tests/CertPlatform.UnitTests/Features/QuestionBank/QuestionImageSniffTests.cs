using System.Text;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.UnitTests.Features.QuestionBank;

public sealed class QuestionImageSniffTests
{
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public void Real_image_types_are_recognised_by_their_bytes()
    {
        Assert.Equal("image/png", QuestionImages.Sniff(Png));
        Assert.Equal("image/jpeg", QuestionImages.Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        Assert.Equal("image/gif", QuestionImages.Sniff("GIF89a\x01\x00"u8));
        Assert.Equal("image/webp", QuestionImages.Sniff("RIFF\0\0\0\0WEBPVP8 "u8));
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("<html><script>alert(1)</script></html>")]
    [InlineData("GIF8")]
    [InlineData("")]
    public void Anything_else_is_refused_whatever_its_name(string content)
    {
        Assert.Null(QuestionImages.Sniff(Encoding.UTF8.GetBytes(content)));
    }
}
