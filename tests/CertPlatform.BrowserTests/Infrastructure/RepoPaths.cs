namespace CertPlatform.BrowserTests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test output that holds CertPlatform.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    /// <summary>
    /// docs/screenshots when UPDATE_SCREENSHOTS=1 (refreshing the README images), otherwise a folder under
    /// TestResults so an ordinary test run leaves the working tree untouched.
    /// </summary>
    public static string Screenshots => Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
        ? Path.Combine(Root, "docs", "screenshots")
        : Path.Combine(Root, "TestResults", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CertPlatform.sln"))) return dir.FullName;
        throw new InvalidOperationException($"CertPlatform.sln not found above {AppContext.BaseDirectory}");
    }
}
