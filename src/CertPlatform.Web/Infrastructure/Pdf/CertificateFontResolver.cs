using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>
/// Serves the Noto Sans SC faces that are embedded in this assembly to PDFsharp. Certificates must look the
/// same on every server, so no OS font is ever consulted: an unknown family resolves to nothing and PDFsharp fails loudly.
/// </summary>
public sealed class CertificateFontResolver : IFontResolver
{
    /// <summary>The family name to use in <c>XFont</c> for certificate text.</summary>
    public const string Family = "Noto Sans SC";

    internal const string RegularFace = "NotoSansSC-Regular";
    internal const string BoldFace = "NotoSansSC-Bold";

    // Logical names set in CertPlatform.Web.csproj, independent of the folder the files sit in.
    private static readonly Dictionary<string, string> ResourceByFace = new(StringComparer.Ordinal)
    {
        [RegularFace] = "CertPlatform.Fonts.NotoSansSC-Regular.ttf",
        [BoldFace] = "CertPlatform.Fonts.NotoSansSC-Bold.ttf",
    };

    private readonly ConcurrentDictionary<string, byte[]> _loaded = new(StringComparer.Ordinal);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)) return null;
        // CJK has no italic face; a slanted simulation is what office software does too.
        return new FontResolverInfo(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);
    }

    public byte[]? GetFont(string faceName) =>
        ResourceByFace.TryGetValue(faceName, out var resource) ? _loaded.GetOrAdd(resource, ReadResource) : null;

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(CertificateFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font '{name}' is missing from {typeof(CertificateFontResolver).Assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
