namespace CertPlatform.Web.Domain.Accounts;

/// <summary>The common-password list shipped inside the assembly (common-passwords.txt: one per line, # comments).</summary>
public static class CommonPasswords
{
    public const string ResourceName = "CertPlatform.CommonPasswords.txt";

    private static readonly Lazy<IReadOnlySet<string>> Loaded = new(() =>
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    public static IReadOnlySet<string> All => Loaded.Value;

    public static IReadOnlySet<string> Parse(string text) =>
        text.Split('\n').Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);
}
