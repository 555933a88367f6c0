using PdfSharp.Fonts;

namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>Installs <see cref="CertificateFontResolver"/> into PDFsharp's process-wide font settings exactly once.</summary>
public static class CertificateFonts
{
    private static readonly CertificateFontResolver Resolver = new();
    private static readonly Lock Gate = new();
    private static volatile bool _registered;

    /// <summary>
    /// Safe to call from the app, tests and benchmarks, in any order and from many threads: PDFsharp allows the resolver to
    /// be set only before the first font is used and only with the same instance afterwards, so the first caller wins.
    /// </summary>
    public static void EnsureRegistered()
    {
        if (_registered) return;
        lock (Gate)
        {
            if (_registered) return;
            var current = GlobalFontSettings.FontResolver;
            if (current is null) GlobalFontSettings.FontResolver = Resolver;
            else if (!ReferenceEquals(current, Resolver))
                throw new InvalidOperationException(
                    $"PDFsharp already has another font resolver ({current.GetType().FullName}); certificate fonts need {nameof(CertificateFontResolver)}. " +
                    "Only one resolver can exist per process: serve other fonts from it instead of replacing it.");
            _registered = true;
        }
    }
}
