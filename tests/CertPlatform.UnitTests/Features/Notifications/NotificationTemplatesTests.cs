using CertPlatform.Web.Features.Notifications;

namespace CertPlatform.UnitTests.Features.Notifications;

public sealed class NotificationTemplatesTests
{
    [Fact]
    public void Every_shipped_template_loads_and_uses_only_its_placeholders()
    {
        var templates = new NotificationTemplates(Path.Combine(RepoPaths.Content, "notifications"));
        Assert.Empty(templates.Errors);
        foreach (var name in NotificationTemplateName.Placeholders.Keys)
        {
            var t = templates.Get(name);
            var values = NotificationTemplateName.Placeholders[name].ToDictionary(p => p, p => $"<{p}>");
            var (subject, body) = t.Render(values);
            Assert.DoesNotMatch(@"\{[A-Za-z]+\}", subject + body);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", subject); // Chinese first
        }
    }

    [Fact]
    public void A_missing_template_is_reported_by_path()
    {
        var folder = Directory.CreateTempSubdirectory("notify-templates").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "result-final.txt"), "subject: x\n---\n{bogus}\n");
            var templates = new NotificationTemplates(folder);
            Assert.Contains(templates.Errors, e => e.StartsWith(Path.Combine(folder, "certificate-issued.txt") + ":1: template missing"));
            Assert.Contains(templates.Errors, e => e.StartsWith(Path.Combine(folder, "result-final.txt") + ":3: unknown placeholder {bogus}"));
            Assert.Throws<InvalidOperationException>(() => templates.Get("result-final"));
        }
        finally { Directory.Delete(folder, true); }
    }
}
