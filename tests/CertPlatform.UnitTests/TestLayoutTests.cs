namespace CertPlatform.UnitTests;

/// <summary>
/// Issue 10 item 6: tests mirror <c>src/</c>. Every folder of tests below <c>Domain</c>, <c>Features</c> and <c>Content</c>
/// (and, in the unit tests, <c>Infrastructure</c>) names a folder of the web project, so the tests of a rule are found next
/// to where the rule lives. The exceptions are test data folders and the integration suites that span features
/// (<c>Features/Security</c>: the route matrix and hardening; <c>Features/Cluster</c>: two instances on one database).
/// </summary>
public sealed class TestLayoutTests
{
    private static readonly HashSet<string> Exceptions = new(StringComparer.Ordinal)
    {
        "CertPlatform.UnitTests/Features/QuestionBank/Formats/Corpus",
        "CertPlatform.UnitTests/Features/QuestionBank/Formats/Schemas",
        "CertPlatform.IntegrationTests/Features/Security",
        "CertPlatform.IntegrationTests/Features/Cluster",
    };

    [Fact]
    public void Test_folders_name_folders_of_the_web_project()
    {
        var problems = new List<string>();
        var checkedFolders = 0;
        foreach (var project in new[] { "CertPlatform.UnitTests", "CertPlatform.IntegrationTests", "CertPlatform.ComponentTests" })
        {
            var root = Path.Combine(RepoPaths.Root, "tests", project);
            string[] mirrored = project == "CertPlatform.UnitTests" ? ["Domain", "Features", "Content", "Infrastructure"] : ["Domain", "Features", "Content"];
            foreach (var top in mirrored.Select(m => Path.Combine(root, m)).Where(Directory.Exists))
                foreach (var dir in Directory.EnumerateDirectories(top, "*", SearchOption.AllDirectories).Prepend(top))
                {
                    var relative = Path.GetRelativePath(root, dir);
                    if (Exceptions.Any(e => (project + "/" + relative.Replace('\\', '/')).StartsWith(e, StringComparison.Ordinal))) continue;
                    checkedFolders++;
                    if (!Directory.Exists(Path.Combine(RepoPaths.Web, relative))) problems.Add($"tests/{project}/{relative}");
                }
        }
        Assert.True(checkedFolders > 20, $"only {checkedFolders} folders checked: the walk is wrong");
        Assert.True(problems.Count == 0, "test folders with no folder of that name in src/CertPlatform.Web:\n" + string.Join("\n", problems));
    }
}
