using System.Security.Cryptography;
using System.Text;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// Images read from one interchange file. Pure: the type is decided by the bytes (PNG, JPEG, GIF, WebP, as the editor's
/// uploads), SVG is refused by name or content (it can carry script), each image and the file's total are capped by
/// <see cref="ImageLimits"/>, names are reduced to a safe file name. Every refusal is a hard error naming the question,
/// the image and the line.
/// </summary>
public sealed class FormatImages(ImageLimits limits)
{
    private static readonly ImportTexts L = ImportTexts.Instance;
    private long _total;
    private bool _overBudget;

    /// <summary>Images accepted so far, by SHA-256.</summary>
    public Dictionary<string, ImportedImage> Accepted { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Checks one image referenced by question <paramref name="question"/> at <paramref name="line"/> of <paramref name="file"/>:
    /// the accepted image, or null with an error recorded in <paramref name="result"/>.
    /// </summary>
    public ImportedImage? Accept(string file, int line, string question, string name, byte[] bytes, ImportResult result)
    {
        var safe = SafeName(name);
        if (IsSvg(name, bytes))
        {
            result.Error(file, line, L["试题 {0}：图片“{1}”是 SVG，出于安全原因（SVG 可含脚本）不导入，请改用 PNG、JPEG、GIF 或 WebP", question, safe]);
            return null;
        }
        if (bytes.Length == 0)
        {
            result.Error(file, line, L["试题 {0}：图片“{1}”是空的（0 字节）", question, safe]);
            return null;
        }
        if (bytes.Length > limits.MaxImageBytes)
        {
            result.Error(file, line, L["试题 {0}：图片“{1}”为 {2} KB，超过单张 {3} KB 的上限", question, safe, (bytes.Length + 1023) / 1024, limits.MaxImageBytes / 1024]);
            return null;
        }
        if (QuestionImages.Sniff(bytes) is not { } type)
        {
            result.Error(file, line, L["试题 {0}：“{1}”不是 PNG、JPEG、GIF 或 WebP 图片", question, safe]);
            return null;
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (Accepted.TryGetValue(sha, out var known)) return known;
        _total += bytes.Length;
        if (_total > limits.MaxImportBytes)
        {
            if (!_overBudget) result.Error(file, line, L["文件中的图片合计超过 {0} MB 的上限，请拆分后分批导入", limits.MaxImportBytes / (1024 * 1024)]);
            _overBudget = true;
            return null;
        }
        var image = new ImportedImage(sha, type, safe, bytes);
        Accepted[sha] = image;
        return image;
    }

    /// <summary>The images among <see cref="Accepted"/> that <paramref name="q"/> (with its case parts) shows.</summary>
    public IReadOnlyDictionary<string, ImportedImage> For(Domain.Questions.Question q) =>
        Shas(q).Where(Accepted.ContainsKey).Distinct().ToDictionary(s => s, s => Accepted[s], StringComparer.Ordinal);

    /// <summary>Every image hash a question (and its case parts) refers to.</summary>
    public static IEnumerable<string> Shas(Domain.Questions.Question q)
    {
        if (q.StemImage is { } s) yield return s;
        foreach (var o in q.Options) if (o.Image is { } i) yield return i;
        foreach (var p in q.Parts) foreach (var x in Shas(p)) yield return x;
    }

    /// <summary>A file name without folders, with only letters, digits, '.', '-' and '_' (at most 100 characters).</summary>
    public static string SafeName(string name)
    {
        var last = name.Replace('\\', '/').Split('/').LastOrDefault(p => p.Length > 0) ?? "";
        var sb = new StringBuilder();
        foreach (var ch in last) sb.Append(char.IsLetterOrDigit(ch) || ch is '.' or '-' or '_' ? ch : '_');
        var safe = sb.ToString().TrimStart('.');
        if (safe.Length > 100) safe = safe[^100..];
        return safe.Length == 0 ? "image" : safe;
    }

    /// <summary>The usual extension (with the dot) of a sniffed image type.</summary>
    public static string Extension(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/gif" => ".gif",
        _ => ".webp",
    };

    private static bool IsSvg(string name, byte[] bytes)
    {
        if (name.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".svgz", StringComparison.OrdinalIgnoreCase)) return true;
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 1024)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith('<') && head.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }
}
