using System.Net;
using System.Text.RegularExpressions;
using System.Xml;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// The only way <see cref="QtiSchemaValidator"/> finds the schemas that a schema imports or includes: by the
/// <b>file name</b> of its <c>schemaLocation</c> (the last path segment, whatever comes before it), in one folder.
/// <c>https://purl.imsglobal.org/…/mathml3.xsd</c> and <c>../w3/xml.xsd</c> become <c>FOLDER/mathml3.xsd</c> and
/// <c>FOLDER/xml.xsd</c>. It never opens a network connection or a file outside the folder: a location whose file
/// is not in the folder is refused (recorded in <see cref="Refused"/>, then reported by the validator).
/// </summary>
public sealed partial class SchemaFolderResolver : XmlResolver
{
    private const string RefusedScheme = "urn:certplatform:refused:";
    private readonly string folder;

    public SchemaFolderResolver(string folder)
    {
        this.folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
    }

    /// <summary>The locations refused so far: the schema that asked (its address) and the location as written.</summary>
    public List<(Uri? From, string Location)> Refused { get; } = [];

    /// <summary>The folder, full path ending with a separator.</summary>
    public string Folder => folder;

    /// <summary>The file of the folder named like the last segment of <paramref name="location"/>, or null.</summary>
    public string? FileFor(string location)
    {
        var name = location.Split('?', '#')[0].Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        if (!SafeName().IsMatch(name)) return null;
        var path = folder + name;
        return File.Exists(path) ? path : null;
    }

    public override Uri ResolveUri(Uri? baseUri, string? relativeUri)
    {
        var location = relativeUri ?? "";
        // A file of the folder asked for by its own address (the validator adds the root schemas that way).
        if (Uri.TryCreate(location, UriKind.Absolute, out var absolute) && absolute.IsFile && InFolder(absolute.LocalPath))
            return absolute;
        if (FileFor(location) is { } path) return new Uri(path);
        Refused.Add((baseUri, location));
        return new Uri(RefusedScheme + Uri.EscapeDataString(location));
    }

    public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
    {
        if (!absoluteUri.IsFile || !InFolder(absoluteUri.LocalPath))
            throw new WebException(Uri.UnescapeDataString(absoluteUri.OriginalString.Replace(RefusedScheme, "", StringComparison.Ordinal)));
        return File.OpenRead(absoluteUri.LocalPath);
    }

    private bool InFolder(string path)
    {
        var full = Path.GetFullPath(path);
        return full.StartsWith(folder, StringComparison.Ordinal) && full.IndexOf(Path.DirectorySeparatorChar, folder.Length) < 0;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\.xsd$")]
    private static partial Regex SafeName();
}
