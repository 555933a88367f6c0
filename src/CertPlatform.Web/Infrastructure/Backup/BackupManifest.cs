namespace CertPlatform.Web.Infrastructure.Backup;

/// <summary>manifest.json of a backup folder: what was copied, from which provider, when.</summary>
public sealed record BackupManifest(int FormatVersion, string Provider, DateTimeOffset CreatedAtUtc, IReadOnlyList<BackupItem> Items)
{
    public const int CurrentFormat = 1;
    public const string FileName = "manifest.json";
}
