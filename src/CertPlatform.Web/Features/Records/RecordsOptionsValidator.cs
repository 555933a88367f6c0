using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Records;

/// <summary>
/// Start-up checks of the "Records" section: the export folder must be usable (created if missing, writable), because
/// background ZIPs and their job state live there — with several instances it is the folder they share.
/// </summary>
public sealed class RecordsOptionsValidator(IHostEnvironment env) : IValidateOptions<RecordsOptions>
{
    public ValidateOptionsResult Validate(string? name, RecordsOptions options)
    {
        if (options.DirectZipLimit < 0) return ValidateOptionsResult.Fail($"{RecordsOptions.Section}:DirectZipLimit must be 0 or more");
        if (string.IsNullOrWhiteSpace(options.ExportFolder)) return ValidateOptionsResult.Fail($"{RecordsOptions.Section}:ExportFolder must not be empty");
        var folder = Path.GetFullPath(Path.Combine(env.ContentRootPath, options.ExportFolder));
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "jobs"));
            var probe = Path.Combine(folder, "jobs", $".write-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return ValidateOptionsResult.Fail($"{RecordsOptions.Section}:ExportFolder is '{folder}', which cannot be written: {e.Message}");
        }
        return ValidateOptionsResult.Success;
    }
}
