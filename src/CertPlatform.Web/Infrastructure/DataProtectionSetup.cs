using Microsoft.AspNetCore.DataProtection;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// The Data Protection key ring (sign-in cookies, antiforgery tokens) kept in a folder so that restarts and other
/// instances keep people signed in: <c>DataProtection:KeysPath</c>, relative to the content root, default data/keys.
/// Backup and restore read the same folder (<see cref="Backup.DataLocations"/>).
/// </summary>
public static class DataProtectionSetup
{
    public const string KeysPathKey = "DataProtection:KeysPath";

    public static string KeysFolder(IConfiguration config, string contentRoot) =>
        Path.GetFullPath(Path.Combine(contentRoot, config[KeysPathKey] ?? "data/keys"));

    public static IServiceCollection AddPersistedDataProtection(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        services.AddDataProtection().SetApplicationName("CertPlatform")
            .PersistKeysToFileSystem(Directory.CreateDirectory(KeysFolder(config, contentRoot)));
        return services;
    }
}
