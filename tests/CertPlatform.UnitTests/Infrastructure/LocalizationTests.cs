using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CertPlatform.UnitTests.Infrastructure;

public sealed partial class LocalizationTests
{
    /// <summary>L["…"] in code and views, and the messages of XlsxException (its message is its localisation key).</summary>
    [GeneratedRegex(@"(?:\bL\[|new XlsxException\()""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"\bL\.Plural\([^,""]+,\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex PluralKey();

    private static Dictionary<string, string> English() =>
        XDocument.Load(Path.Combine(RepoPaths.Web, "Resources", "SharedResource.en.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(RepoPaths.Web, "*.cs*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains("/obj/") && !f.Contains("/bin/"));

    [Fact]
    public void Every_count_sentence_has_an_english_plural_and_singular()
    {
        var translated = English();
        var used = SourceFiles().SelectMany(f => PluralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value))).ToList();
        Assert.True(used.Count >= 10, $"only {used.Count} L.Plural sentences found — is the pattern still right?");
        var missing = used.Where(u => !translated.ContainsKey(u.Key) || !translated.ContainsKey(u.Key + "#one"))
            .Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "count sentences without both English forms (key and key#one in tools/en-strings.tsv):\n" + string.Join("\n", missing));
        var orphans = translated.Keys.Where(k => k.EndsWith("#one") && !translated.ContainsKey(k[..^4])).ToList();
        Assert.True(orphans.Count == 0, "singular forms without their sentence:\n" + string.Join("\n", orphans));
    }

    [Fact]
    public void No_english_string_hedges_a_plural_with_parentheses()
    {
        var hedged = English().Where(t => Regex.IsMatch(t.Value, @"\w\((s|es)\)")).Select(t => $"{t.Key}\t{t.Value}").ToList();
        Assert.True(hedged.Count == 0, "write the plural by count (L.Plural with a #one entry) or rephrase:\n" + string.Join("\n", hedged));
    }

    [Fact]
    public void Every_ui_string_used_in_code_and_views_has_an_english_translation()
    {
        var translated = English();
        var used = SourceFiles().SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value))).ToList();
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
