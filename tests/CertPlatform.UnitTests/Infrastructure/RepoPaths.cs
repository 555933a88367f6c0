namespace CertPlatform.UnitTests;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string Content => Path.Combine(Root, "content");
    public static string Web => Path.Combine(Root, "src", "CertPlatform.Web");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CertPlatform.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (CertPlatform.sln) not found");
    }
}
