using System.IO.Compression;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// The safety checks every reader of a QTI content package applies before anything is inflated (the importer and
/// the schema validator): at most <see cref="QtiFormat.MaxEntries"/> entries, no entry name with <c>..</c>, a drive
/// or an absolute path, no name twice, at most <see cref="QtiFormat.MaxUncompressedBytes"/> unpacked and
/// <see cref="ImportLimits.MaxBytes"/> per entry (by the sizes the zip declares; <see cref="Read"/> stops at the cap
/// whatever they say).
/// </summary>
public static class QtiPackageEntries
{
    private static readonly ImportTexts L = ImportTexts.Instance;

    /// <summary>The package's entries by normalised name ('/' separators), or null after recording the error in <paramref name="result"/>.</summary>
    public static IReadOnlyDictionary<string, ZipArchiveEntry>? Check(string fileName, ZipArchive zip, ImportResult result)
    {
        if (zip.Entries.Count > QtiFormat.MaxEntries)
        {
            result.Error(fileName, 0, L["压缩包中有 {0} 个条目，超过 {1} 个的上限", zip.Entries.Count, QtiFormat.MaxEntries]);
            return null;
        }
        foreach (var e in zip.Entries)
        {
            var name = e.FullName.Replace('\\', '/');
            if (name.StartsWith('/') || name.Contains(':') || name.Split('/').Any(s => s == ".."))
            {
                result.Error(fileName, 0, L["压缩包中的条目“{0}”路径不安全（含 .. 或绝对路径），整个文件已拒绝", e.FullName]);
                return null;
            }
        }
        if (zip.Entries.Sum(e => e.Length) > QtiFormat.MaxUncompressedBytes || zip.Entries.Any(e => e.Length > ImportLimits.MaxBytes))
        {
            result.Error(fileName, 0, L["压缩包解压后过大，已拒绝（可能是压缩炸弹）"]);
            return null;
        }
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var e in zip.Entries.Where(e => e.Length > 0 || e.Name.Length > 0))
        {
            if (!entries.TryAdd(e.FullName.Replace('\\', '/'), e))
            {
                result.Error(fileName, 0, L["压缩包中的条目“{0}”出现了不止一次，整个文件已拒绝", e.FullName]);
                return null;
            }
        }
        return entries;
    }

    /// <summary>The entry's bytes, at most <see cref="ImportLimits.MaxBytes"/> (a larger entry reads as empty).</summary>
    public static byte[] Read(ZipArchiveEntry entry)
    {
        using var s = entry.Open();
        return MoodleXmlFormat.ReadLimited(s, ImportLimits.MaxBytes) ?? [];
    }
}
