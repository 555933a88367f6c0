namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>The outcome of fitting text into a box: the size to use and the lines at that size.</summary>
internal sealed record FittedText(double FontSize, IReadOnlyList<string> Lines, bool Overflows);
