using System.Net;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure.Backup;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CertPlatform.IntegrationTests.Infrastructure.Backup;

/// <summary>The restore drill: back up a running site, lose its data folder, restore, start again.</summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "certplatform-drill-" + Guid.NewGuid().ToString("N"));
    private readonly string _backup = Path.Combine(Path.GetTempPath(), "certplatform-backup-" + Guid.NewGuid().ToString("N"));
    /// <summary>The credential (Open Badges) key, outside the data folder as /opt/certplatform/keys would be.</summary>
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "certplatform-drill-keys-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _out = new(), _err = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var d in new[] { _folder, _backup, _keys })
            try { Directory.Delete(d, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// The site's own certificate signing key lives in its data folder, its credential key in a key folder of its own, as in
    /// a real deployment.
    /// </summary>
    private AppFactory Site()
    {
        var credentialKey = Path.Combine(_keys, "credential.pem");
        if (!File.Exists(credentialKey)) TestCredentialKey.Create(_keys, "credential.pem");
        var pfx = Path.Combine(_folder, "certs", "signing.pfx");
        if (!File.Exists(pfx))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(pfx)!);
            File.Copy(TestSigningCertificate.Path, pfx);
        }
        return new AppFactory(_folder).With("Certificates:SigningCertificatePath", pfx).With("Credentials:SigningKeyPath", credentialKey);
    }

    private static DataLocations Locations(AppFactory site) =>
        DataLocations.From(site.Services.GetRequiredService<IConfiguration>(), site.Services.GetRequiredService<IHostEnvironment>());

    private static bool UserExists(AppFactory site, string email) =>
        site.ScopedAsync(db => db.Users.AnyAsync(u => u.Email == email)).GetAwaiter().GetResult();

    [Fact]
    public async Task A_backup_of_the_running_site_restores_data_keys_and_sessions_after_the_data_folder_is_lost()
    {
        string cookie;
        DataLocations at;
        string contentRoot;
        using (var site = Site())
        {
            var login = await site.NewClient().LoginAsync(Demo.Account(Roles.Trainee).Email, Demo.Account(Roles.Trainee).Password);
            cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("certplatform.auth=")).Split(';')[0];
            await site.CreateTraineeAsync("before-backup@example.test");
            at = Locations(site);
            contentRoot = site.Services.GetRequiredService<IHostEnvironment>().ContentRootPath;

            // Online: the site is running (and holds its connections) while the backup is taken.
            Assert.Equal(0, await BackupCommand.BackupAsync(at, _backup, TimeProvider.System, contentRoot, _out, _err));
            await site.CreateTraineeAsync("after-backup@example.test");
            site.KeepDataFolder = true;
        }
        var manifest = await File.ReadAllTextAsync(Path.Combine(_backup, BackupManifest.FileName));
        Assert.Contains("\"database\"", manifest);
        Assert.Contains("data-protection-key", manifest);
        Assert.Contains("signing-certificate", manifest);
        Assert.Contains("credential-key", manifest);
        var credentialKey = await File.ReadAllTextAsync(Path.Combine(_keys, "credential.pem"));

        // The disks are lost: the data folder and the key folder.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        Directory.Delete(_keys, recursive: true);

        Assert.Equal(0, await BackupCommand.RestoreAsync(at, _backup, force: false, contentRoot, _out, _err));
        Assert.Equal(credentialKey, await File.ReadAllTextAsync(Path.Combine(_keys, "credential.pem"))); // the same issuer key, not a new one
        using var restored = Site();
        var client = restored.NewClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lessons")).StatusCode); // same key ring: still signed in
        Assert.True(UserExists(restored, "before-backup@example.test"));
        Assert.False(UserExists(restored, "after-backup@example.test")); // a snapshot of the moment of the backup
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "test.db")}");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Restore_refuses_a_damaged_backup_and_an_existing_database_without_force_and_writes_nothing()
    {
        DataLocations at;
        string contentRoot;
        using (var site = Site())
        {
            await site.NewClient().GetAsync("/healthz");
            at = Locations(site);
            contentRoot = site.Services.GetRequiredService<IHostEnvironment>().ContentRootPath;
            Assert.Equal(0, await BackupCommand.BackupAsync(at, _backup, TimeProvider.System, contentRoot, _out, _err));
            site.KeepDataFolder = true;
        }
        // A second backup into the same folder would overwrite the first: refused.
        Assert.Equal(2, await BackupCommand.BackupAsync(at, _backup, TimeProvider.System, contentRoot, _out, _err));
        Assert.Contains("not empty", _err.ToString());

        // The database exists: a restore over it needs --force.
        SqliteConnection.ClearAllPools(); // the last connection checkpoints the WAL into the file
        var before = await File.ReadAllBytesAsync(at.SqliteFile!);
        Assert.Equal(2, await BackupCommand.RestoreAsync(at, _backup, force: false, contentRoot, _out, _err));
        Assert.Contains("--force", _err.ToString());

        // One flipped byte in a key file: refused before anything is written, even with --force.
        var key = Directory.EnumerateFiles(Path.Combine(_backup, "files", "data-protection-key")).First();
        var bytes = await File.ReadAllBytesAsync(key);
        bytes[^2] ^= 0x20;
        await File.WriteAllBytesAsync(key, bytes);
        Assert.Equal(1, await BackupCommand.RestoreAsync(at, _backup, force: true, contentRoot, _out, _err));
        Assert.Contains("SHA-256", _err.ToString());
        Assert.Equal(before, await File.ReadAllBytesAsync(at.SqliteFile!));
    }
}
