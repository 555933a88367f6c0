using CertPlatform.Web.Features.Certificates.Credentials;
using CertPlatform.Web.Infrastructure.Pdf;
using Microsoft.Data.Sqlite;

namespace CertPlatform.Web.Infrastructure.Backup;

/// <summary>
/// Where the state a restore needs lives, read from the same configuration the app uses: the SQLite
/// file (or nothing, on PostgreSQL), the Data Protection key ring (sign-in cookies and forms survive a
/// restore only with it), the certificate signing key, the Open Badges credential keys (the signing key and the retired
/// ones that still verify older credentials), and any other file kept beside the database (key files other features keep
/// in the data folder).
/// </summary>
public sealed record DataLocations(string Provider, string? SqliteFile, string KeysFolder, string? SigningCertificate, string? DataFolder,
    IReadOnlyList<string> CredentialKeys)
{
    public bool IsSqlite => SqliteFile is not null;

    public static DataLocations From(IConfiguration config, IHostEnvironment env)
    {
        var root = env.ContentRootPath;
        var db = DatabaseOptions.Read(config);
        string? sqliteFile = null;
        if (db.Kind == DatabaseProvider.Sqlite)
            sqliteFile = new SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(db.ConnectionString, root)).DataSource;
        var keys = DataProtectionSetup.KeysFolder(config, root);
        var pfx = config[$"{CertificatePdfOptions.Section}:{nameof(CertificatePdfOptions.SigningCertificatePath)}"];
        var signing = string.IsNullOrWhiteSpace(pfx)
            ? (env.IsDevelopment() ? CertificateSigner.DevelopmentCertificatePath(root) : null)
            : Path.GetFullPath(Path.Combine(root, pfx));
        var credentials = config.GetSection(CredentialOptions.Section).Get<CredentialOptions>() ?? new CredentialOptions();
        var credentialKeys = new List<string>();
        if (!string.IsNullOrWhiteSpace(credentials.SigningKeyPath)) credentialKeys.Add(CredentialSigner.Resolve(credentials.SigningKeyPath, env));
        else if (env.IsDevelopment()) credentialKeys.Add(CredentialSigner.DevelopmentKeyPath(root));
        credentialKeys.AddRange(credentials.RetiredKeyPaths.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => CredentialSigner.Resolve(p, env)));
        return new DataLocations(sqliteFile is null ? "PostgreSQL" : "Sqlite", sqliteFile, keys, signing,
            sqliteFile is null ? null : Path.GetDirectoryName(sqliteFile), [.. credentialKeys.Distinct(StringComparer.Ordinal)]);
    }
}
