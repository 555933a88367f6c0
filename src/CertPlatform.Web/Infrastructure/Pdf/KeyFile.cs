namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>Development keys kept on disk: created once, readable by the owner only, never briefly world-readable.</summary>
public static class KeyFile
{
    private static readonly Lock Gate = new();

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> unless the file exists; if another process creates it first, theirs is kept.</summary>
    public static void CreateOnce(string path, Func<byte[]> content)
    {
        lock (Gate)
        {
            if (File.Exists(path)) return;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var file = new FileStream(temp, create)) file.Write(content());
            try { File.Move(temp, path, overwrite: false); }
            catch (IOException) when (File.Exists(path)) { File.Delete(temp); }
        }
    }
}
