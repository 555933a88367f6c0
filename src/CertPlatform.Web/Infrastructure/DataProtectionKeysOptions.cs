using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// Configuration section "DataProtection": where the Data Protection key ring is kept. The folder is needed while
/// services are registered, so <see cref="Read"/> is the one place that binds and checks the section (start-up stops
/// with a message naming the key); the same check guards the bound <c>IOptions&lt;DataProtectionKeysOptions&gt;</c>
/// (<see cref="DataProtectionKeysOptionsValidator"/>). Named apart from ASP.NET Core's own <c>DataProtectionOptions</c>.
/// </summary>
public sealed class DataProtectionKeysOptions
{
    public const string Section = "DataProtection";
    public const string KeysPathKey = Section + ":" + nameof(KeysPath);
    public const string DefaultKeysPath = "data/keys";

    /// <summary>Folder of the key ring; relative to the content root. Created at start-up when missing.</summary>
    public string KeysPath { get; set; } = DefaultKeysPath;

    /// <summary>The key folder as a full path for an app whose content root is <paramref name="contentRoot"/>.</summary>
    public string KeysFolder(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, KeysPath));

    /// <summary>What is wrong with the section, as a message naming the key; null when it is usable.</summary>
    public string? Problem(string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(KeysPath))
            return $"Configuration '{KeysPathKey}' is empty: leave it out for '{DefaultKeysPath}' or name a folder.";
        string folder;
        try { folder = KeysFolder(contentRoot); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"Configuration '{KeysPathKey}' is '{KeysPath}': not a usable folder path ({e.Message}).";
        }
        return File.Exists(folder) ? $"Configuration '{KeysPathKey}' is '{KeysPath}': '{folder}' is a file, not a folder." : null;
    }

    /// <summary>The section bound and checked: the one reader for code that runs before the container is built.</summary>
    /// <exception cref="OptionsValidationException">The section is not usable (the message names the key).</exception>
    public static DataProtectionKeysOptions Read(IConfiguration config, string contentRoot)
    {
        var options = config.GetSection(Section).Get<DataProtectionKeysOptions>() ?? new DataProtectionKeysOptions();
        if (options.Problem(contentRoot) is { } problem)
            throw new OptionsValidationException(Options.DefaultName, typeof(DataProtectionKeysOptions), [problem]);
        return options;
    }
}
