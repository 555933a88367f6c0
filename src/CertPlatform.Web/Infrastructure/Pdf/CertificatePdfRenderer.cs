using System.Collections.Concurrent;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.Signatures;
using QRCoder;

namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>
/// Renders a certificate as a one-page PDF and signs it when a signer is configured. Stateless apart from the immutable
/// template and signer, so one instance serves all requests concurrently.
/// </summary>
public sealed class CertificatePdfRenderer : ICertificateRenderer
{
    private static readonly byte[] QrDark = [0, 0, 0, 255];
    private static readonly byte[] QrLight = [255, 255, 255, 255];
    private static readonly XPdfFontOptions EmbedSubset = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    private readonly Func<string, CertificateTemplate> _templateFor;
    private readonly CertificateSigner? _signer;

    /// <summary>Renders every certificate with <paramref name="template"/>, whatever template its content names.</summary>
    public CertificatePdfRenderer(CertificateTemplate template, CertificateSigner? signer) : this(_ => template, signer) { }

    /// <summary>Renders each certificate with the template its programme names (<see cref="CertificateContent.Template"/>).</summary>
    public CertificatePdfRenderer(CertificateTemplates templates, CertificateSigner? signer) : this(templates.Get, signer) { }

    private CertificatePdfRenderer(Func<string, CertificateTemplate> templateFor, CertificateSigner? signer)
    {
        CertificateFonts.EnsureRegistered();
        _templateFor = templateFor;
        _signer = signer;
    }

    /// <summary>True when rendered PDFs carry a digital signature.</summary>
    public bool Signs => _signer is not null;

    public byte[] Render(CertificateContent c)
    {
        Validate(c);
        var template = _templateFor(c.Template);
        var document = new PdfDocument();
        document.Info.Title = $"{template.Title} {c.CertificateNumber}";
        document.Info.Author = template.Issuer;
        document.Info.Subject = $"{c.HolderName} {c.Title} {c.Level}";
        document.Info.Creator = "CertPlatform";
        document.Options.CompressContentStreams = true;
        // Each PDF embeds two font subsets whose loca/hmtx tables still cover all 30,898 glyphs (~250 KB per face).
        // Compressing them at the default Flate level took ~12 ms per face, at the fastest ~2.5 ms, for PDFs of
        // ~150 KB instead of ~95 KB: issuing throughput matters more here than the last kilobytes.
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;

        var page = document.AddPage();
        page.Width = XUnit.FromPoint(CertificateLayout.PageWidth);
        page.Height = XUnit.FromPoint(CertificateLayout.PageHeight);
        using (var gfx = XGraphics.FromPdfPage(page))
            new PageWriter(gfx, template).Draw(c);

        foreach (var attachment in c.Attachments)
            document.AddEmbeddedFile(attachment.FileName, new MemoryStream(attachment.Bytes, writable: false));

        if (_signer is not null)
        {
            DigitalSignatureHandler.ForDocument(document, _signer.PdfSigner, new DigitalSignatureOptions
            {
                Reason = $"{template.SigningReason} {c.CertificateNumber}",
                Location = template.Issuer,
                AppName = "CertPlatform",
                PageIndex = 0,
                // A zero rectangle is an invisible signature: the printed certificate has its own signature lines.
                Rectangle = new XRect(0, 0, 0, 0),
                AppearanceHandler = NoAppearance.Instance,
            });
        }
        using var output = new MemoryStream(192 * 1024);
        document.Save(output);
        return output.ToArray();
    }

    private static void Validate(CertificateContent c)
    {
        if (string.IsNullOrWhiteSpace(c.HolderName)) throw new ArgumentException("The holder name is empty.", nameof(c));
        if (string.IsNullOrWhiteSpace(c.CertificateNumber)) throw new ArgumentException("The certificate number is empty.", nameof(c));
        if (!Uri.TryCreate(c.VerificationUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException($"The verification URL '{c.VerificationUrl}' is not an absolute http(s) URL.", nameof(c));
        if (c.ExpiryDate < c.PassDate) throw new ArgumentException("The expiry date is before the pass date.", nameof(c));
    }

    /// <summary>The default appearance handler draws "Signed by…" in Verdana, which is neither wanted nor available here.</summary>
    private sealed class NoAppearance : IAnnotationAppearanceHandler
    {
        public static readonly NoAppearance Instance = new();
        public void DrawAppearance(XGraphics gfx, XRect rect) { }
    }

    // Advance widths at 1 pt by Unicode scalar; the fonts never change while the process runs.
    private static readonly ConcurrentDictionary<int, double> RegularWidths = new();
    private static readonly ConcurrentDictionary<int, double> BoldWidths = new();

    /// <summary>Draws one page; lives for one render because fonts and brushes belong to that document.</summary>
    private sealed class PageWriter(XGraphics gfx, CertificateTemplate template)
    {
        // Widths are measured once at 100 pt and scaled: advance widths are linear in the size and PDFsharp does not kern.
        private readonly XFont _regularRef = new(CertificateFontResolver.Family, 100, XFontStyleEx.Regular, EmbedSubset);
        private readonly XFont _boldRef = new(CertificateFontResolver.Family, 100, XFontStyleEx.Bold, EmbedSubset);

        /// <summary>Phrases never broken across lines (the certification title and level): "VIP客户服务经理" stays whole.</summary>
        private IReadOnlyList<string> _keepTogether = [];

        public void Draw(CertificateContent c)
        {
            var t = template;
            _keepTogether = [c.Title, c.Level];
            var w = t.Wording;
            DrawBorder();
            if (t.Logo is not null) DrawImage(t.Logo, CertificateLayout.Logo);

            Text(t.Issuer, CertificateLayout.Issuer, false, 15, 9, FitMode.ShrinkThenWrap, t.Colors.Primary);
            Text(t.Title, CertificateLayout.Title, true, 32, 18, FitMode.ShrinkThenWrap, t.Colors.Primary);
            if (t.Subtitle is not null) Text(t.Subtitle, CertificateLayout.Subtitle, false, 11, 7, FitMode.ShrinkThenWrap, t.Colors.Accent);
            Text(t.Fill(w.NumberLine, c), CertificateLayout.Number, false, 11, 7, FitMode.ShrinkThenWrap, t.Colors.Text);
            Text(t.Fill(w.Intro, c), CertificateLayout.Intro, false, 15, 10, FitMode.ShrinkThenWrap, t.Colors.Text);
            Text(c.HolderName, CertificateLayout.HolderName, true, 30, 18, FitMode.ShrinkThenWrap, t.Colors.Primary);
            Text(t.Fill(w.EmployeeLine, c), CertificateLayout.Employee, false, 13, 9, FitMode.ShrinkThenWrap, t.Colors.Text);
            Text(t.Fill(w.OrganizationLine, c), CertificateLayout.Organization, false, 13, 10, FitMode.ShrinkThenWrap, t.Colors.Text);
            Text(t.Fill(w.Body, c), CertificateLayout.Body, false, 14, 9, FitMode.WrapThenShrink, t.Colors.Text);
            // Details stack under the body, so a further line (e.g. the programme) only needs adding to this list.
            List<string> details = [t.Fill(w.ValidityLine, c)];
            if (!string.IsNullOrWhiteSpace(c.PreviousCertificateNumber)) details.Add(t.Fill(w.RecertificationLine, c));
            for (var i = 0; i < Math.Min(details.Count, CertificateLayout.MaxDetailLines); i++)
                Text(details[i], CertificateLayout.DetailLine(i), false, 12, 7, FitMode.ShrinkThenWrap, t.Colors.Text);

            DrawSignatures();
            DrawQrCode(c.VerificationUrl);
            Text(t.Fill(w.VerificationCaption, c), CertificateLayout.QrCaption, false, 9, 6, FitMode.ShrinkThenWrap, t.Colors.Text);
            // One line on purpose: a URL split across lines cannot be copied or typed reliably.
            Text(t.Fill(w.VerificationLine, c), CertificateLayout.VerificationLine, false, 8, 4, FitMode.ShrinkThenWrap, t.Colors.Text);
        }

        private readonly Dictionary<(double, bool), XFont> _fonts = [];

        /// <summary>
        /// Sum of cached per-character advance widths: identical to MeasureString of the whole string (PDFsharp does not
        /// kern) but measures each character once per process instead of once per line candidate.
        /// </summary>
        private double WidthAtOnePoint(string s, bool bold)
        {
            var cache = bold ? BoldWidths : RegularWidths;
            var font = bold ? _boldRef : _regularRef;
            var width = 0.0;
            foreach (var rune in s.EnumerateRunes())
                width += cache.GetOrAdd(rune.Value, static (r, arg) =>
                    arg.gfx.MeasureString(new Rune(r).ToString(), arg.font).Width / 100, (gfx, font));
            return width;
        }

        private XFont Font(double size, bool bold)
        {
            if (!_fonts.TryGetValue((size, bold), out var font))
                _fonts[(size, bold)] = font =
                    new XFont(CertificateFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, EmbedSubset);
            return font;
        }

        private void Text(string text, XRect box, bool bold, double maxSize, double minSize, FitMode mode, XColor color)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            var fit = TextLayout.Fit(text, box.Width, box.Height, maxSize, minSize, mode, s => WidthAtOnePoint(s, bold), _keepTogether);
            var font = Font(fit.FontSize, bold);
            var brush = new XSolidBrush(color);
            var lineHeight = TextLayout.LineHeightEm * fit.FontSize;
            var top = box.Y + (box.Height - fit.Lines.Count * lineHeight) / 2;
            if (fit.Overflows)
            {
                gfx.Save();
                gfx.IntersectClip(box);
            }
            for (var i = 0; i < fit.Lines.Count; i++)
            {
                var line = fit.Lines[i];
                var width = WidthAtOnePoint(line, bold) * fit.FontSize;
                var x = box.X + (box.Width - width) / 2; // every line is centred, as certificates are
                var baseline = top + i * lineHeight + TextLayout.BaselineFromSlotTopEm * fit.FontSize;
                gfx.DrawString(line, font, brush, x, baseline, XStringFormats.BaseLineLeft);
            }
            if (fit.Overflows) gfx.Restore();
        }

        private void DrawBorder()
        {
            var inset = template.BorderInset;
            var outer = new XRect(inset, inset, CertificateLayout.PageWidth - 2 * inset, CertificateLayout.PageHeight - 2 * inset);
            if (template.BorderWidth > 0) gfx.DrawRectangle(new XPen(template.Colors.Accent, template.BorderWidth), outer);
            var inner = new XRect(outer.X + 6, outer.Y + 6, outer.Width - 12, outer.Height - 12);
            gfx.DrawRectangle(new XPen(template.Colors.Accent, 0.75), inner);
        }

        private void DrawSignatures()
        {
            var signatories = template.Signatories;
            if (signatories.Count == 0) return;
            var band = CertificateLayout.Signatures;
            var slotWidth = band.Width / signatories.Count;
            var lineY = band.Y + 34;
            var pen = new XPen(template.Colors.Text, 0.8);
            for (var i = 0; i < signatories.Count; i++)
            {
                var slot = new XRect(band.X + i * slotWidth, band.Y, slotWidth, band.Height);
                gfx.DrawLine(pen, slot.X + 25, lineY, slot.Right - 25, lineY);
                if (signatories[i].Name is { } name)
                    Text(name, new XRect(slot.X + 10, band.Y + 8, slot.Width - 20, 24), false, 13, 8, FitMode.ShrinkThenWrap, template.Colors.Text);
                Text(signatories[i].Label, new XRect(slot.X + 10, lineY + 4, slot.Width - 20, 18), false, 11, 7, FitMode.ShrinkThenWrap, template.Colors.Text);
            }
            if (template.SealOverSignatory is { } over)
            {
                // Stamped over the right half of the signature line, as a seal is beside a signature: it covers neither
                // the signatory's name above the line (centred) nor the title below it.
                var radius = CertificateLayout.SealRadius;
                var center = new XPoint(band.X + (over + 0.5) * slotWidth + radius + 14, lineY + 2 - radius);
                if (template.SealImage is not null) DrawImage(template.SealImage, new XRect(center.X - radius, center.Y - radius, 2 * radius, 2 * radius));
                else if (template.SealText is not null) DrawSeal(template.SealText, center, radius);
            }
        }

        /// <summary>
        /// A round red seal drawn as vectors, as Chinese organisations' seals look: one strong ring, the organisation's
        /// Chinese name along the upper arc (each glyph rotated to face the centre) and a five-pointed star in the middle.
        /// </summary>
        private void DrawSeal(string text, XPoint center, double radius)
        {
            // Slightly transparent so whatever lies underneath stays readable, as with a real stamp.
            var ink = XColor.FromArgb(225, template.Colors.Seal);
            var ring = radius * 0.07;
            gfx.DrawEllipse(new XPen(ink, ring), center.X - radius + ring / 2, center.Y - radius + ring / 2, 2 * radius - ring, 2 * radius - ring);
            DrawStar(center, radius * 0.36, new XSolidBrush(ink));

            var chars = text.EnumerateRunes().Select(r => r.ToString()).ToList();
            // Seals set the name over about 240° of the ring, centred at the top, glyphs evenly spaced.
            const double sweep = 240 * Math.PI / 180;
            var textRadius = radius - ring - 1.5;
            var size = Math.Min(radius * 0.3, 0.9 * textRadius * sweep / chars.Count);
            var font = Font(size, true);
            var brush = new XSolidBrush(ink);
            var step = chars.Count > 1 ? Math.Min(sweep / (chars.Count - 1), 1.1 * size / (textRadius - size)) : 0;
            var angle = -step * (chars.Count - 1) / 2;
            foreach (var ch in chars)
            {
                gfx.Save();
                gfx.RotateAtTransform(angle * 180 / Math.PI, center);
                var w = WidthAtOnePoint(ch, true) * size;
                gfx.DrawString(ch, font, brush, center.X - w / 2, center.Y - textRadius + 0.88 * size, XStringFormats.BaseLineLeft);
                gfx.Restore();
                angle += step;
            }
        }

        private void DrawStar(XPoint center, double r, XBrush brush)
        {
            var points = new XPoint[10];
            for (var i = 0; i < 10; i++)
            {
                var angle = -Math.PI / 2 + i * Math.PI / 5;
                var radius = i % 2 == 0 ? r : r * 0.382;
                points[i] = new XPoint(center.X + radius * Math.Cos(angle), center.Y + radius * Math.Sin(angle));
            }
            gfx.DrawPolygon(brush, points, XFillMode.Winding);
        }

        private void DrawQrCode(string url)
        {
            // ECC level M survives a crease or a stamp over a corner. One pixel per module: the PDF scales it up without
            // interpolation, so modules stay sharp, and decoding a 41 px image costs nothing next to a 300 px one.
            using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
            // Explicit opaque colours make QRCoder write a 1-bit palette PNG; its default 1-bit greyscale PNG is a
            // colour type PDFsharp's importer rejects ("Unsupported image format").
            var png = new PngByteQRCode(data).GetGraphic(1, QrDark, QrLight, drawQuietZones: true);
            DrawImage(png, CertificateLayout.QrCode, interpolate: false);
        }

        /// <summary>Fits the image into the box keeping its aspect ratio, centred.</summary>
        private void DrawImage(byte[] bytes, XRect box, bool interpolate = true)
        {
            using var stream = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);
            using var image = XImage.FromStream(stream);
            // Without this a viewer may smooth the QR modules into grey edges that scanners read less reliably.
            image.Interpolate = interpolate;
            var scale = Math.Min(box.Width / image.PixelWidth, box.Height / image.PixelHeight);
            var w = image.PixelWidth * scale;
            var h = image.PixelHeight * scale;
            gfx.DrawImage(image, box.X + (box.Width - w) / 2, box.Y + (box.Height - h) / 2, w, h);
        }
    }
}
