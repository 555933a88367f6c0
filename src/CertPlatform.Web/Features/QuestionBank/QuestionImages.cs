using System.Security.Cryptography;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// Images for stems and options. The type is decided by the file's bytes (PNG, JPEG, GIF, WebP),
/// never by its name or the browser's claim; SVG and anything else is refused (SVG can carry script).
/// Stored once per SHA-256, so every question version keeps exactly the image it showed.
/// </summary>
public sealed class QuestionImages(AppDbContext db, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L,
    Microsoft.Extensions.Options.IOptions<QuestionImageOptions> options)
{
    /// <summary>The default of <c>QuestionImages:MaxImageBytes</c> (1 MB); uploads are checked against the configured value.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The image type the bytes really are, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 8 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "image/jpeg";
        if (b.Length >= 6 && (b[..6].SequenceEqual("GIF87a"u8) || b[..6].SequenceEqual("GIF89a"u8))) return "image/gif";
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    public async Task<SavedImage> SaveAsync(IFormFile file, string author, CancellationToken ct)
    {
        var name = Path.GetFileName(file.FileName);
        var max = options.Value.MaxImageBytes;
        if (file.Length == 0) return new(null, L["图片“{0}”是空的（0 字节）", name]);
        if (file.Length > max) return new(null, L["图片“{0}”超过 {1} 的上限", name, QuestionImageOptions.SizeText(max)]);
        using var buffer = new MemoryStream();
        await using (var s = file.OpenReadStream()) await s.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (bytes.Length > max) return new(null, L["图片“{0}”超过 {1} 的上限", name, QuestionImageOptions.SizeText(max)]);
        var type = Sniff(bytes);
        if (type is null) return new(null, L["“{0}”不是 PNG、JPEG、GIF 或 WebP 图片", name]);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!await db.QuestionImages.AnyAsync(i => i.Sha256 == sha, ct) && db.QuestionImages.Local.All(i => i.Sha256 != sha))
            db.QuestionImages.Add(new QuestionImage { Sha256 = sha, ContentType = type, Bytes = bytes, Length = bytes.Length, FileName = name, CreatedAt = clock.GetUtcNow(), CreatedBy = author });
        return new(sha, null);
    }

    public Task<QuestionImage?> FindAsync(string sha, CancellationToken ct) =>
        db.QuestionImages.AsNoTracking().SingleOrDefaultAsync(i => i.Sha256 == sha, ct);
}
