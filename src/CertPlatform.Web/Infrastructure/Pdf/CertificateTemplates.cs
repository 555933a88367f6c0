using System.Collections.Concurrent;

namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>
/// The certificate templates a programme can name: <see cref="DefaultFileName"/> is the default template
/// (<c>Certificates:TemplatePath</c>, or content/certificates/template.yaml); any other name is a YAML file in the
/// default template's folder. Each file is read once and kept with its modification time; <see cref="Get"/> re-reads a
/// file whose time changed and keeps the new version when it is valid (a broken edit leaves the last valid version in
/// use), and <see cref="Check"/> re-reads one at once (after an administrator changed it). So with several instances,
/// each reading the same file (shared or copied content folder), an edited template is used by every instance, not only
/// by the one where the programme was saved.
/// </summary>
public sealed class CertificateTemplates(CertificateTemplate defaultTemplate, string folder)
{
    public const string DefaultFileName = "template.yaml";

    private readonly ConcurrentDictionary<string, (DateTime Written, CertificateTemplate Template)> _loaded = new(StringComparer.Ordinal);

    public CertificateTemplate Default => defaultTemplate;
    public string Folder => folder;

    /// <summary>A bare file name ending in .yaml (no folder): what a programme may name.</summary>
    public static bool IsFileName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name == name.Trim() && name == Path.GetFileName(name) && name.EndsWith(".yaml", StringComparison.Ordinal);

    public string PathOf(string name) => Path.Combine(folder, name);

    /// <summary>The template a programme names; throws <see cref="CertificateTemplateException"/> (file:line) for a broken or missing file.</summary>
    public CertificateTemplate Get(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name == DefaultFileName) return defaultTemplate;
        if (!_loaded.TryGetValue(name, out var kept)) return Load(name).Template; // first use: a broken file throws
        if (File.GetLastWriteTimeUtc(PathOf(name)) == kept.Written) return kept.Template;
        try
        {
            return Load(name).Template;
        }
        catch (CertificateTemplateException)
        {
            return kept.Template; // edited into a broken state: the last valid version stays until the file is fixed
        }
    }

    private (DateTime Written, CertificateTemplate Template) Load(string name)
    {
        var path = PathOf(name);
        var written = File.GetLastWriteTimeUtc(path); // before reading: a write during the read is picked up next time
        var loaded = (written, CertificateTemplate.Load(path));
        _loaded[name] = loaded;
        return loaded;
    }

    /// <summary>Reads the named file afresh: null when it is a valid template (then used from now on), else what is wrong, with file and line.</summary>
    public string? Check(string name)
    {
        if (!IsFileName(name)) return $"{name}: not a .yaml file name";
        if (name == DefaultFileName) return null;
        try
        {
            Load(name);
            return null;
        }
        catch (CertificateTemplateException e)
        {
            return e.Message;
        }
    }
}
