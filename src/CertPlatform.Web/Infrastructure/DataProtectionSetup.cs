using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// The Data Protection key ring (sign-in cookies, antiforgery tokens) kept in a folder so that restarts and other
/// instances keep people signed in: <c>DataProtection:KeysPath</c> (<see cref="DataProtectionKeysOptions"/>), relative
/// to the content root, default data/keys. Backup and restore read the same folder (<see cref="Backup.DataLocations"/>).
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>The key folder the configuration names (read and checked through <see cref="DataProtectionKeysOptions.Read"/>).</summary>
    public static string KeysFolder(IConfiguration config, string contentRoot) =>
        DataProtectionKeysOptions.Read(config, contentRoot).KeysFolder(contentRoot);

    public static IServiceCollection AddPersistedDataProtection(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var options = DataProtectionKeysOptions.Read(config, contentRoot);
        services.AddOptions<DataProtectionKeysOptions>().Bind(config.GetSection(DataProtectionKeysOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DataProtectionKeysOptions>>(new DataProtectionKeysOptionsValidator(contentRoot));
        services.AddDataProtection().SetApplicationName("CertPlatform")
            .PersistKeysToFileSystem(Directory.CreateDirectory(options.KeysFolder(contentRoot)));
        return services;
    }
}
