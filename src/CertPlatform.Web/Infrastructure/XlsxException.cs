namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// An XLSX file that <see cref="XlsxReader"/> refuses. <see cref="Exception.Message"/> is the Chinese text, which is
/// also its localisation key (English in Resources/SharedResource.en.resx).
/// </summary>
public sealed class XlsxException(string message) : Exception(message);
