using System.Text;
using CertPlatform.Web.Infrastructure;

namespace CertPlatform.UnitTests.Infrastructure;

public sealed class TextDecodingTests
{
    private const string Chinese = "以下哪项属于外部环境因素？\nA. 优势\nB. 机会\nANSWER: B\n";

    static TextDecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, byte[]> Encoded => new()
    {
        { "UTF-8", Encoding.UTF8.GetBytes(Chinese) },
        { "UTF-8", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Chinese)] },
        { "UTF-16LE", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Chinese)] },
        { "UTF-16BE", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Chinese)] },
        { "UTF-16LE", Encoding.Unicode.GetBytes("Which is external?\nA. Strengths\nANSWER: A\n") },
        { "GB18030", Encoding.GetEncoding("GB18030").GetBytes(Chinese) },
        { "GB18030", Encoding.GetEncoding("GBK").GetBytes(Chinese.Replace("\n", "\r\n")) },
    };

    [Theory]
    [MemberData(nameof(Encoded))]
    public void Utf8_utf16_and_gb18030_are_recognised(string expected, byte[] bytes)
    {
        var text = TabularFiles.DecodeText(bytes, out var encoding);
        Assert.Equal(expected, encoding);
        Assert.NotNull(text);
        Assert.Contains(text.Contains('以') ? "外部环境因素" : "external", text);
        Assert.False(text.StartsWith('\uFEFF'));
    }

    [Fact]
    public void Bytes_that_are_none_of_them_are_refused_rather_than_guessed()
    {
        Assert.Null(TabularFiles.DecodeText(Encoding.Latin1.GetBytes("Quelle est la réponse? café crème à côté"), out _));
        Assert.Null(TabularFiles.DecodeText([0x80, 0xFF, 0x00, 0x81, 0x30], out _)); // invalid in UTF-8 and GB18030
        Assert.Null(TabularFiles.DecodeText([0xFF, 0xFE, 0x00, 0xD8], out _)); // UTF-16 BOM with a lone surrogate
    }
}
