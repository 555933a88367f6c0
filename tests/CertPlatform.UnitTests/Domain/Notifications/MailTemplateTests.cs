using CertPlatform.Web.Domain.Notifications;

namespace CertPlatform.UnitTests.Domain.Notifications;

public sealed class MailTemplateTests
{
    private static readonly string[] Allowed = ["name", "number"];

    [Fact]
    public void Parses_subject_and_body_and_fills_placeholders()
    {
        var errors = new List<string>();
        var t = MailTemplate.Parse("subject: 证书 {number}\r\n---\r\n{name}，您好：\r\n\r\n编号 {number}\r\n", "x.txt", Allowed, errors);
        Assert.Empty(errors);
        var (subject, body) = t!.Render(new Dictionary<string, string> { ["name"] = "李四", ["number"] = "CP-2026-000001" });
        Assert.Equal("证书 CP-2026-000001", subject);
        Assert.Equal("李四，您好：\n\n编号 CP-2026-000001", body);
    }

    [Fact]
    public void A_value_with_line_breaks_cannot_break_the_subject_line()
    {
        var t = MailTemplate.Parse("subject: {name}\n---\nbody", "x.txt", Allowed, new List<string>())!;
        Assert.Equal("a b", t.Render(new Dictionary<string, string> { ["name"] = "a\r\nb" }).Subject);
    }

    [Fact]
    public void Unknown_placeholders_are_reported_with_file_and_line()
    {
        var errors = new List<string>();
        Assert.Null(MailTemplate.Parse("subject: hi {name}\n---\nline\n{nmae} here", "t.txt", Allowed, errors));
        var e = Assert.Single(errors);
        Assert.StartsWith("t.txt:4: unknown placeholder {nmae}", e);
    }

    [Theory]
    [InlineData("hello\n---\nbody", "t.txt:1:")]
    [InlineData("subject: \n---\nbody", "t.txt:1: the subject is empty")]
    [InlineData("subject: s\nbody", "t.txt:2:")]
    [InlineData("subject: s\n---\n  \n", "t.txt:3: the body is empty")]
    public void Malformed_templates_are_reported_with_file_and_line(string text, string expected)
    {
        var errors = new List<string>();
        Assert.Null(MailTemplate.Parse(text, "t.txt", Allowed, errors));
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }
}
