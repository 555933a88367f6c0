using System.Globalization;
using System.Text.RegularExpressions;
using CertPlatform.Web.Content;
using PdfSharp.Drawing;
using YamlDotNet.RepresentationModel;

namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>
/// Wording and look of the certificate PDF, read from <c>content/certificates/template.yaml</c> so that the training
/// centre can change text, signatories and images without a release. Immutable once loaded; shared by all renders.
/// </summary>
public sealed class CertificateTemplate
{
    public const string DefaultRelativePath = "certificates/template.yaml";

    /// <summary>Placeholders a wording line may use; anything else is rejected at load so a typo cannot reach a printed certificate.</summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "HolderName", "EmployeeNumber", "Organization", "Title", "Level", "CertificateNumber", "PaperTitle",
        "Score", "PassDate", "IssueDate", "ExpiryDate", "VerificationUrl", "PreviousCertificateNumber", "Programme", "PaperVersion",
    };

    public required string SourcePath { get; init; }
    public required string Issuer { get; init; }
    public required string Title { get; init; }
    public string? Subtitle { get; init; }
    public required CertificateWording Wording { get; init; }
    public required string DateFormat { get; init; }
    public required IReadOnlyList<CertificateSignatory> Signatories { get; init; }
    /// <summary>PNG/JPEG bytes, validated at load; drawn top left.</summary>
    public byte[]? Logo { get; init; }
    /// <summary>PNG/JPEG bytes of a seal; when absent and <see cref="SealText"/> is set, a seal is drawn as vector graphics.</summary>
    public byte[]? SealImage { get; init; }
    public string? SealText { get; init; }
    /// <summary>0-based index of the signature line the seal overlaps, or null for no seal.</summary>
    public int? SealOverSignatory { get; init; }
    public required CertificateColors Colors { get; init; }
    public double BorderWidth { get; init; } = 3;
    public double BorderInset { get; init; } = 22;
    public required string SigningReason { get; init; }

    private static readonly Regex PlaceholderPattern = new(@"\{(\w+)\}", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>Replaces {Placeholders} in a wording line; dates use the template's date format.</summary>
    public string Fill(string pattern, CertificateContent c) => PlaceholderPattern.Replace(pattern, m => m.Groups[1].Value switch
    {
        "HolderName" => c.HolderName,
        "EmployeeNumber" => c.EmployeeNumber,
        "Organization" => c.Organization,
        "Title" => c.Title,
        "Level" => c.Level,
        "CertificateNumber" => c.CertificateNumber,
        "PaperTitle" => c.PaperTitle,
        "Score" => c.Score.ToString("0.##", CultureInfo.InvariantCulture),
        "PassDate" => c.PassDate.ToString(DateFormat, CultureInfo.InvariantCulture),
        "IssueDate" => c.PrintedIssueDate.ToString(DateFormat, CultureInfo.InvariantCulture),
        "ExpiryDate" => c.ExpiryDate.ToString(DateFormat, CultureInfo.InvariantCulture),
        "VerificationUrl" => c.VerificationUrl,
        "PreviousCertificateNumber" => c.PreviousCertificateNumber ?? "",
        "Programme" => c.Programme,
        "PaperVersion" => c.PaperVersion.ToString(CultureInfo.InvariantCulture),
        _ => m.Value,
    });

    public static CertificateTemplate Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!System.IO.File.Exists(full)) throw new CertificateTemplateException(full, 1, "certificate template file not found");
        return Parse(System.IO.File.ReadAllText(full), full, Path.GetDirectoryName(full)!);
    }

    /// <param name="file">Named in every error message.</param>
    /// <param name="imageFolder">Folder that relative logo/seal image paths are resolved against.</param>
    public static CertificateTemplate Parse(string yaml, string file, string imageFolder) =>
        new Reader(file, imageFolder).Read(yaml);

    /// <summary>A YAML parser that remembers the line of the last event read (for errors YamlDotNet reports without one).</summary>
    private sealed class TrackingParser(YamlDotNet.Core.IParser inner) : YamlDotNet.Core.IParser
    {
        public int LastLine { get; private set; } = 1;
        public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } e) LastLine = Math.Max(1, (int)e.End.Line);
            return moved;
        }
    }

    /// <summary>Walks the YAML tree keeping node positions, so every complaint names the line to fix.</summary>
    private sealed class Reader(string file, string imageFolder)
    {
        private static readonly string[] TopKeys =
            ["issuer", "title", "subtitle", "text", "date_format", "signatories", "logo", "seal", "colors", "border", "signing_reason"];
        private static readonly string[] TextKeys =
            ["number", "intro", "employee", "organization", "body", "validity", "recertification", "verification_caption", "verification"];

        private CertificateTemplateException Error(YamlNode? node, string problem) =>
            new(file, node is null ? 1 : Math.Max(1, (int)node.Start.Line), problem);

        public CertificateTemplate Read(string yaml)
        {
            YamlNode root;
            var parser = new TrackingParser(new YamlDotNet.Core.Parser(new StringReader(yaml)));
            try
            {
                var stream = new YamlStream();
                stream.Load(parser);
                if (stream.Documents.Count == 0) throw new CertificateTemplateException(file, 1, "the template is empty");
                root = stream.Documents[0].RootNode;
            }
            catch (YamlDotNet.Core.YamlException ex)
            {
                var message = (ex.InnerException?.Message ?? ex.Message).Split('\n')[0].Trim();
                throw new CertificateTemplateException(file, Math.Max(1, (int)ex.Start.Line), $"invalid YAML: {message}");
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet's scanner gives up this way on some broken flow collections ("title: [unclosed"): name the line
                // of the last event it read, where the broken part starts.
                throw new CertificateTemplateException(file, parser.LastLine, "invalid YAML: an unclosed [ … ] or { … } list, or a stray bracket");
            }
            if (root is not YamlMappingNode map) throw Error(root, "the template must be a mapping of keys (issuer:, title:, text:, ...)");
            RejectUnknownKeys(map, TopKeys, "");

            var text = Mapping(map, "text", required: true)!;
            RejectUnknownKeys(text, TextKeys, "text.");
            var wording = new CertificateWording(
                Wording(text, "number"), Wording(text, "intro"), Wording(text, "employee"), Wording(text, "organization"),
                Wording(text, "body"), Wording(text, "validity"), Wording(text, "recertification"),
                Wording(text, "verification_caption"), Wording(text, "verification"));

            var dateFormat = Scalar(map, "date_format") ?? "yyyy年M月d日";
            try { _ = new DateOnly(2026, 12, 31).ToString(dateFormat, CultureInfo.InvariantCulture); }
            catch (FormatException) { throw Error(map.Get("date_format"), $"date_format '{dateFormat}' is not a valid .NET date format"); }

            var signatories = Signatories(map);
            var (sealImage, sealText, sealOver) = Seal(map, signatories.Count);
            var (borderWidth, borderInset) = Border(map);
            return new CertificateTemplate
            {
                SourcePath = file,
                Issuer = Required(map, "issuer"),
                Title = Required(map, "title"),
                Subtitle = Scalar(map, "subtitle"),
                Wording = wording,
                DateFormat = dateFormat,
                Signatories = signatories,
                Logo = Image(map, "logo"),
                SealImage = sealImage,
                SealText = sealText,
                SealOverSignatory = sealOver,
                Colors = Colors(map),
                BorderWidth = borderWidth,
                BorderInset = borderInset,
                SigningReason = Scalar(map, "signing_reason") ?? "证书签发",
            };
        }

        private void RejectUnknownKeys(YamlMappingNode map, string[] known, string prefix)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!known.Contains(name, StringComparer.Ordinal))
                    throw Error(key, $"unknown key '{prefix}{name}'; expected one of: {string.Join(", ", known.Select(k => prefix + k))}");
            }
        }

        private string? Scalar(YamlMappingNode map, string key)
        {
            var node = map.Get(key);
            if (node is null) return null;
            if (node is not YamlScalarNode s) throw Error(node, $"'{key}' must be a single value");
            return string.IsNullOrWhiteSpace(s.Value) ? null : s.Value.Trim();
        }

        private string Required(YamlMappingNode map, string key) =>
            Scalar(map, key) ?? throw Error(map.Get(key) ?? map, $"'{key}' is required");

        private YamlMappingNode? Mapping(YamlMappingNode map, string key, bool required = false)
        {
            var node = map.Get(key);
            if (node is null) return required ? throw Error(map, $"'{key}:' is required") : null;
            return node as YamlMappingNode ?? throw Error(node, $"'{key}' must be a mapping of keys");
        }

        private string Wording(YamlMappingNode text, string key)
        {
            var value = Required(text, key);
            foreach (Match m in PlaceholderPattern.Matches(value))
                if (!Placeholders.Contains(m.Groups[1].Value))
                    throw Error(text.Get(key), $"text.{key}: unknown placeholder {m.Value}; known: {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}");
            return value;
        }

        private List<CertificateSignatory> Signatories(YamlMappingNode map)
        {
            var node = map.Get("signatories");
            if (node is null) return [];
            if (node is not YamlSequenceNode seq) throw Error(node, "'signatories' must be a list of { label, name }");
            if (seq.Children.Count > 3) throw Error(node, "at most 3 signatories fit on the page");
            var list = new List<CertificateSignatory>();
            foreach (var item in seq.Children)
            {
                if (item is not YamlMappingNode entry) throw Error(item, "each signatory needs 'label:' (and optionally 'name:')");
                RejectUnknownKeys(entry, ["label", "name"], "signatories[].");
                list.Add(new CertificateSignatory(Required(entry, "label"), Scalar(entry, "name")));
            }
            return list;
        }

        private (byte[]? Image, string? Text, int? Over) Seal(YamlMappingNode map, int signatoryCount)
        {
            var seal = Mapping(map, "seal");
            if (seal is null) return (null, null, null);
            RejectUnknownKeys(seal, ["image", "text", "signatory"], "seal.");
            var image = Image(seal, "image");
            var text = Scalar(seal, "text");
            if (image is null && text is null) throw Error(seal, "seal needs 'image:' (a PNG/JPEG file) or 'text:' (drawn as a round seal)");
            if (text is not null && text.Any(char.IsAsciiLetterOrDigit))
                throw Error(seal.Get("text"), $"seal.text '{text}': a seal carries the issuing organisation's Chinese name only (no Latin letters or digits, e.g. no product name)");
            if (text is not null && text.EnumerateRunes().Count() > 24)
                throw Error(seal.Get("text"), $"seal.text '{text}' has more than 24 characters and would not be legible on the seal ring");
            var over = signatoryCount;
            if (seal.Get("signatory") is { } n)
            {
                if (n is not YamlScalarNode s || !int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out over)
                    || over < 1 || over > signatoryCount)
                    throw Error(n, $"seal.signatory must be a signatory number from 1 to {signatoryCount}");
            }
            if (over == 0) throw Error(seal, "a seal is placed over a signature line: add 'signatories:'");
            return (image, text, over - 1);
        }

        private byte[]? Image(YamlMappingNode map, string key)
        {
            var relative = Scalar(map, key);
            if (relative is null) return null;
            var path = Path.GetFullPath(Path.Combine(imageFolder, relative));
            if (!System.IO.File.Exists(path)) throw Error(map.Get(key), $"{key}: image file '{path}' not found");
            var bytes = System.IO.File.ReadAllBytes(path);
            try
            {
                // Decode now: a broken image should stop start-up, not the issuing of a certificate.
                using var stream = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);
                using var image = XImage.FromStream(stream);
                if (image.PixelWidth <= 0 || image.PixelHeight <= 0) throw new InvalidOperationException("empty image");
            }
            catch (Exception ex) when (ex is not CertificateTemplateException)
            {
                throw Error(map.Get(key), $"{key}: '{path}' is not a PNG or JPEG image PDFsharp can read ({ex.Message})");
            }
            return bytes;
        }

        private CertificateColors Colors(YamlMappingNode map)
        {
            var colors = Mapping(map, "colors");
            if (colors is not null) RejectUnknownKeys(colors, ["primary", "accent", "text", "seal"], "colors.");
            XColor Color(string key, string fallback)
            {
                var value = colors is null ? null : Scalar(colors, key);
                var hex = value ?? fallback;
                if (!Regex.IsMatch(hex, "^#[0-9A-Fa-f]{6}$"))
                    throw Error(colors!.Get(key), $"colors.{key} must look like #1F3A5F, got '{hex}'");
                var rgb = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                return XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
            }
            return new CertificateColors(Color("primary", "#1F3A5F"), Color("accent", "#B08D57"), Color("text", "#222222"), Color("seal", "#C8102E"));
        }

        private (double Width, double Inset) Border(YamlMappingNode map)
        {
            var border = Mapping(map, "border");
            if (border is null) return (3, 22);
            RejectUnknownKeys(border, ["width", "inset"], "border.");
            double Number(string key, double fallback, double min, double max)
            {
                var value = Scalar(border, key);
                if (value is null) return fallback;
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d < min || d > max)
                    throw Error(border.Get(key), $"border.{key} must be a number of points from {min} to {max}");
                return d;
            }
            // The layout keeps text 58 pt from the page edge; a wider inset would run the frame through it.
            return (Number("width", 3, 0, 8), Number("inset", 22, 8, 24));
        }
    }
}
