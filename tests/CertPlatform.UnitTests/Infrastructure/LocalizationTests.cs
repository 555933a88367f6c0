using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CertPlatform.UnitTests.Infrastructure;

public sealed partial class LocalizationTests
{
    /// <summary>L["…"] in code and views, and the messages of XlsxException (its message is its localisation key).</summary>
    [GeneratedRegex(@"(?:\bL\[|new XlsxException\()""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerKey();

    [Fact]
    public void Every_ui_string_used_in_code_and_views_has_an_english_translation()
    {
        var resx = XDocument.Load(Path.Combine(RepoPaths.Web, "Resources", "SharedResource.en.resx"));
        var translated = resx.Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
        var files = Directory.EnumerateFiles(RepoPaths.Web, "*.cs*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains("/obj/") && !f.Contains("/bin/"));
        var used = files.SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value))).ToList();
        Assert.True(used.Count > 100, $"only {used.Count} localised strings found — is the pattern still right?");
        var missing = used.Where(u => !translated.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "missing English translations:\n" + string.Join("\n", missing));
        foreach (var (key, value) in translated)
        {
            Assert.False(string.IsNullOrWhiteSpace(value), key);
            Assert.Equal(Regex.Matches(key, @"\{\d\}").Select(m => m.Value).Distinct().Order(), Regex.Matches(value, @"\{\d\}").Select(m => m.Value).Distinct().Order());
        }
    }
}
