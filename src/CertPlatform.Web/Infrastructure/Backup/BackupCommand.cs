using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CertPlatform.Web.Infrastructure.Backup;

/// <summary>
/// <c>-- backup DIR</c> and <c>-- restore DIR [--force]</c> (see docs/deploy.md). Backup takes a
/// consistent copy of a live SQLite database with SQLite's online backup API (the site keeps running),
/// plus the Data Protection keys, the certificate signing key, the credential (Open Badges) keys and other files of the
/// data folder, with a manifest of SHA-256 hashes. On PostgreSQL the database is left to pg_dump (the command says
/// so) and only the files are copied. Restore checks every hash before it writes anything and runs
/// while the site is stopped.
/// </summary>
public static class BackupCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly string[] SqliteSideFiles = ["-wal", "-shm", "-journal"];

    /// <summary>Recognises the command before the web host is built; returns the folder argument.</summary>
    public static bool TryParse(string[] args, out string verb, out string? folder, out bool force)
    {
        verb = args.Length > 0 ? args[0] : "";
        folder = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        force = args.Contains("--force");
        return verb is "backup" or "restore";
    }

    /// <summary>Configuration arguments (<c>--Key=value</c>) that the command passes on to the host's configuration.</summary>
    public static string[] HostArguments(string[] args) =>
        args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray();

    public static Task<int> RunAsync(string verb, string? folder, bool force, IConfiguration config, IHostEnvironment env)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            Console.Error.WriteLine($"usage: {verb} DIR{(verb == "restore" ? " [--force]" : "")} (configuration as --Key=value)");
            return Task.FromResult(2);
        }
        DataLocations at;
        try { at = DataLocations.From(config, env); }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            Console.Error.WriteLine($"{verb}: {e.Message}");
            return Task.FromResult(2);
        }
        return verb == "backup"
            ? BackupAsync(at, folder, TimeProvider.System, env.ContentRootPath, Console.Out, Console.Error)
            : RestoreAsync(at, folder, force, env.ContentRootPath, Console.Out, Console.Error);
    }

    public static async Task<int> BackupAsync(DataLocations at, string folder, TimeProvider clock, string contentRoot, TextWriter output, TextWriter error)
    {
        var target = Path.GetFullPath(folder);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            error.WriteLine($"backup: '{target}' is not empty; choose a new folder so no earlier backup is overwritten.");
            return 2;
        }
        if (at.SqliteFile is { } missing && !File.Exists(missing))
        {
            error.WriteLine($"backup: the database '{missing}' does not exist (Database:ConnectionString).");
            return 2;
        }
        Directory.CreateDirectory(target);
        var items = new List<BackupItem>();
        if (at.SqliteFile is { } dbFile)
        {
            var copy = Path.Combine(target, "database.db");
            await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
            {
                await source.OpenAsync();
                await destination.OpenAsync();
                // Online backup: a consistent snapshot while the site keeps writing.
                source.BackupDatabase(destination);
                await using var check = destination.CreateCommand();
                check.CommandText = "PRAGMA integrity_check;";
                var result = (string?)await check.ExecuteScalarAsync();
                if (result != "ok") { error.WriteLine($"backup: integrity_check of the copy said '{result}'."); return 1; }
                await using var journal = destination.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode=DELETE;";
                await journal.ExecuteNonQueryAsync();
            }
            items.Add(Item("database", copy, dbFile, contentRoot));
        }
        else
        {
            output.WriteLine("backup: PostgreSQL — back the database up with pg_dump (docs/deploy.md); copying the key files only.");
        }
        if (Directory.Exists(at.KeysFolder))
            foreach (var file in Directory.EnumerateFiles(at.KeysFolder))
                items.Add(CopyIn("data-protection-key", file, target, contentRoot));
        if (at.SigningCertificate is { } pfx && File.Exists(pfx))
            items.Add(CopyIn("signing-certificate", pfx, target, contentRoot));
        foreach (var key in at.CredentialKeys.Where(File.Exists))
            items.Add(CopyIn("credential-key", key, target, contentRoot));
        if (at.DataFolder is { } data && Directory.Exists(data))
        {
            var taken = items.Select(i => Path.GetFullPath(Path.Combine(contentRoot, i.RestorePath))).ToHashSet();
            foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
            {
                var full = Path.GetFullPath(file);
                if (taken.Contains(full) || IsSqliteFile(full, at.SqliteFile!) || full.StartsWith(at.KeysFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
                items.Add(CopyIn("data-file", full, target, contentRoot));
            }
        }
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, at.Provider, clock.GetUtcNow(), items);
        await File.WriteAllTextAsync(Path.Combine(target, BackupManifest.FileName), JsonSerializer.Serialize(manifest, Json));
        output.WriteLine($"backup: {items.Count} files, {items.Sum(i => i.Length):N0} bytes, in {target}");
        return 0;
    }

    public static async Task<int> RestoreAsync(DataLocations at, string folder, bool force, string contentRoot, TextWriter output, TextWriter error)
    {
        var source = Path.GetFullPath(folder);
        var manifestPath = Path.Combine(source, BackupManifest.FileName);
        if (!File.Exists(manifestPath)) { error.WriteLine($"restore: '{manifestPath}' not found: not a backup folder."); return 2; }
        BackupManifest? manifest;
        try { manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath), Json); }
        catch (JsonException e) { error.WriteLine($"restore: {manifestPath} is not a valid manifest: {e.Message}"); return 2; }
        if (manifest is null || manifest.FormatVersion != BackupManifest.CurrentFormat)
        {
            error.WriteLine($"restore: {manifestPath} has an unknown format; this version reads format {BackupManifest.CurrentFormat}.");
            return 2;
        }
        if (!manifest.Provider.Equals(at.Provider, StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine($"restore: the backup is of a {manifest.Provider} site but Database:Provider is {at.Provider}.");
            return 2;
        }
        // Check everything before writing anything.
        foreach (var item in manifest.Items)
        {
            var file = Path.Combine(source, item.FileName);
            if (!File.Exists(file)) { error.WriteLine($"restore: {item.FileName} is listed in the manifest but missing."); return 1; }
            if (Sha256(file) != item.Sha256) { error.WriteLine($"restore: {item.FileName} does not match its SHA-256 in the manifest; the backup is damaged."); return 1; }
        }
        if (at.SqliteFile is { } dbFile && File.Exists(dbFile) && !force)
        {
            error.WriteLine($"restore: '{dbFile}' exists. Stop the site, then run restore with --force to replace it.");
            return 2;
        }
        foreach (var item in manifest.Items)
        {
            var destination = item.Kind == "database" && at.SqliteFile is not null
                ? at.SqliteFile
                : Path.GetFullPath(Path.Combine(contentRoot, item.RestorePath));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (item.Kind == "database")
                foreach (var side in SqliteSideFiles) File.Delete(destination + side);
            File.Copy(Path.Combine(source, item.FileName), destination, overwrite: true);
        }
        output.WriteLine($"restore: {manifest.Items.Count} files from the backup of {manifest.CreatedAtUtc:u} are in place.");
        return 0;
    }

    private static bool IsSqliteFile(string path, string dbFile) =>
        path == dbFile || SqliteSideFiles.Any(s => path == dbFile + s);

    private static BackupItem CopyIn(string kind, string file, string target, string contentRoot)
    {
        var name = Path.Combine("files", kind, Path.GetFileName(file));
        var copy = Path.Combine(target, name);
        for (var n = 2; File.Exists(copy); n++) copy = Path.Combine(target, "files", kind, $"{n}-{Path.GetFileName(file)}");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(file, copy);
        return Item(kind, copy, file, contentRoot) with { FileName = Path.GetRelativePath(target, copy) };
    }

    private static BackupItem Item(string kind, string copy, string original, string contentRoot)
    {
        var relative = Path.GetRelativePath(contentRoot, original);
        var restore = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(original) : relative;
        return new BackupItem(kind, Path.GetFileName(copy), restore, new FileInfo(copy).Length, Sha256(copy));
    }

    private static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
