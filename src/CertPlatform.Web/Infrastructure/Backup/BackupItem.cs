namespace CertPlatform.Web.Infrastructure.Backup;

/// <summary>One file in a backup: where it goes back to (relative to the content root when it lives under it) and its SHA-256.</summary>
public sealed record BackupItem(string Kind, string FileName, string RestorePath, long Length, string Sha256);
