using PdfSharp.Drawing;

namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>
/// Fixed positions on the A4 landscape page, in points from the top left. Fixed boxes make the layout deterministic:
/// long text shrinks or wraps inside its box instead of pushing anything else around.
/// </summary>
internal static class CertificateLayout
{
    public const double PageWidth = 842; // A4 landscape, 297 × 210 mm
    public const double PageHeight = 595;

    public static readonly XRect Logo = new(60, 46, 64, 64);
    public static readonly XRect Issuer = new(140, 52, 562, 26);
    public static readonly XRect Title = new(100, 84, 642, 44);
    public static readonly XRect Subtitle = new(100, 128, 642, 18);
    public static readonly XRect Number = new(100, 150, 642, 18);
    public static readonly XRect Intro = new(100, 176, 642, 22);
    public static readonly XRect HolderName = new(100, 200, 642, 58);
    public static readonly XRect Employee = new(100, 260, 642, 20);
    public static readonly XRect Organization = new(100, 282, 642, 36);
    public static readonly XRect Body = new(100, 318, 642, 56);
    /// <summary>
    /// One-line details under the body (validity, recertification, …) stack from <see cref="FirstDetailLine"/> down, one
    /// <see cref="DetailLineStep"/> apart; there is room for <see cref="MaxDetailLines"/> before the signatures and seal.
    /// </summary>
    public static readonly XRect FirstDetailLine = new(100, 378, 642, 20);
    public const double DetailLineStep = 20;
    public const int MaxDetailLines = 3;
    /// <summary>Signature lines share this band; the QR code sits to its right.</summary>
    public static readonly XRect Signatures = new(80, 478, 560, 60);
    /// <summary>Radius of the drawn round seal, in points (about 25 mm across, a usual size for an organisation's seal).</summary>
    public const double SealRadius = 36;

    public static XRect DetailLine(int index) =>
        new(FirstDetailLine.X, FirstDetailLine.Y + index * DetailLineStep, FirstDetailLine.Width, FirstDetailLine.Height);
    public static readonly XRect QrCode = new(690, 440, 92, 92);
    public static readonly XRect QrCaption = new(670, 533, 132, 13);
    public static readonly XRect VerificationLine = new(60, 549, 722, 13);
}
