namespace CertPlatform.BrowserTests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test output that holds CertPlatform.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CertPlatform.sln"))) return dir.FullName;
        throw new InvalidOperationException($"CertPlatform.sln not found above {AppContext.BaseDirectory}");
    }
}
