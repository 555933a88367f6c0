using System.Collections.Concurrent;

namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>
/// The certificate templates a programme can name: <see cref="DefaultFileName"/> is the default template
/// (<c>Certificates:TemplatePath</c>, or content/certificates/template.yaml); any other name is a YAML file in the
/// default template's folder. Each file is read once and kept; <see cref="Check"/> re-reads one (after an
/// administrator changed it) and keeps the new version when it is valid.
/// </summary>
public sealed class CertificateTemplates(CertificateTemplate defaultTemplate, string folder)
{
    public const string DefaultFileName = "template.yaml";

    private readonly ConcurrentDictionary<string, CertificateTemplate> _loaded = new(StringComparer.Ordinal);

    public CertificateTemplate Default => defaultTemplate;
    public string Folder => folder;

    /// <summary>A bare file name ending in .yaml (no folder): what a programme may name.</summary>
    public static bool IsFileName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name == name.Trim() && name == Path.GetFileName(name) && name.EndsWith(".yaml", StringComparison.Ordinal);

    public string PathOf(string name) => Path.Combine(folder, name);

    /// <summary>The template a programme names; throws <see cref="CertificateTemplateException"/> (file:line) for a broken or missing file.</summary>
    public CertificateTemplate Get(string? name) =>
        string.IsNullOrWhiteSpace(name) || name == DefaultFileName ? defaultTemplate : _loaded.GetOrAdd(name, n => CertificateTemplate.Load(PathOf(n)));

    /// <summary>Reads the named file afresh: null when it is a valid template (then used from now on), else what is wrong, with file and line.</summary>
    public string? Check(string name)
    {
        if (!IsFileName(name)) return $"{name}: not a .yaml file name";
        if (name == DefaultFileName) return null;
        try
        {
            _loaded[name] = CertificateTemplate.Load(PathOf(name));
            return null;
        }
        catch (CertificateTemplateException e)
        {
            return e.Message;
        }
    }
}
