using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Records;

/// <summary>
/// Writes certificates' stored PDFs as <c>{number}.pdf</c> plus <c>manifest.csv</c> (证书编号, 姓名, 状态, SHA-256, 发证日期,
/// 有效期至 — the same localised headers and status labels as the CSV export (<see cref="RecordLabels"/>); days of the display zone) into a
/// ZIP on any writable stream — the HTTP response body or a file.
/// <para>
/// Memory stays flat whatever the count: the PDFs are read <see cref="BatchSize"/> at a time (AsNoTracking, nothing kept),
/// and the archive is never held whole. <see cref="ZipArchive"/> writes synchronously, even through .NET 10's async
/// entry API (the data descriptor is written in a synchronous Dispose), and Kestrel rejects synchronous writes to the
/// response. So the archive writes into a small in-memory <see cref="ChunkBuffer"/> and, after each entry, the buffer is
/// copied to the real stream with an awaited write and emptied: no AllowSynchronousIO, no blocked thread, at most one
/// PDF (plus, at the end, the central directory: ~100 bytes per entry) in the buffer.
/// </para>
/// </summary>
public sealed class CertificateZip(AppDbContext db, DisplayTime display, IStringLocalizer<SharedResource> L, ILogger<CertificateZip> log)
{
    public const int BatchSize = 100;
    public const string ContentType = "application/zip";
    public const string ManifestName = "manifest.csv";

    /// <summary>The manifest of the filtered certificates (no PDFs), in certificate-number order.</summary>
    public async Task<List<ZipItem>> ListAsync(IQueryable<Certificate> filtered, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await filtered.OrderBy(c => c.Number)
            .Select(c => new { c.Id, c.Number, c.HolderName, c.Status, c.ExpiresAt, c.PdfSha256, c.IssuedAt })
            .ToListAsync(ct);
        return rows.Select(r => new ZipItem(r.Id, r.Number, r.HolderName,
            r.Status == CertificateStatus.Revoked ? CertificateStatus.Revoked : now >= r.ExpiresAt ? CertificateStatus.Expired : CertificateStatus.Valid,
            r.PdfSha256, r.IssuedAt, r.ExpiresAt)).ToList();
    }

    /// <param name="progress">Called with the number of PDFs written so far (after each one).</param>
    public async Task WriteAsync(IReadOnlyList<ZipItem> items, Stream output, Action<int>? progress, CancellationToken ct)
    {
        var buffer = new ChunkBuffer();
        var manifest = new List<IReadOnlyList<ExportCell>>(items.Count + 1) { RecordLabels.ManifestHeader(L).Select(h => (ExportCell)h).ToArray() };
        var done = 0;
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            foreach (var batch in items.Chunk(BatchSize))
            {
                var ids = batch.Select(b => b.Id).ToList();
                var files = await db.CertificateFiles.AsNoTracking().Where(f => ids.Contains(f.CertificateId))
                    .ToDictionaryAsync(f => f.CertificateId, f => f.Bytes, ct);
                foreach (var item in batch)
                {
                    if (!files.TryGetValue(item.Id, out var bytes))
                    {
                        // Cannot happen (the file is saved with its certificate); say so rather than ship a silent gap.
                        log.LogError("Certificate {Number} has no stored PDF; left out of the ZIP", item.Number);
                        continue;
                    }
                    // Stored, not deflated: a certificate PDF is already compressed (deflate saves ~7%) and deflating
                    // costs ~4 ms per PDF, ten times everything else here; 10,000 PDFs would take 40 s more.
                    var entry = zip.CreateEntry(EntryName(item.Number), CompressionLevel.NoCompression);
                    entry.LastWriteTime = display.Local(item.IssuedAt);
                    using (var s = entry.Open()) s.Write(bytes);
                    var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
                    if (hash != item.PdfSha256)
                        log.LogError("Stored PDF of certificate {Number} does not match its recorded SHA-256 ({Actual} ≠ {Recorded})", item.Number, hash, item.PdfSha256);
                    manifest.Add(new ExportCell[] { item.Number, item.HolderName, RecordLabels.Status(L, item.Status), hash, display.Day(item.IssuedAt), DisplayTime.Day(display.LastDay(item.ExpiresAt)) });
                    await buffer.DrainToAsync(output, ct);
                    progress?.Invoke(++done);
                }
            }
            var m = zip.CreateEntry(ManifestName, CompressionLevel.Optimal);
            using (var s = m.Open()) s.Write(TableExport.Csv(manifest));
        }
        await buffer.DrainToAsync(output, ct);
        await output.FlushAsync(ct);
    }

    /// <summary>Certificate numbers are "CP-2026-000001"; anything outside [A-Za-z0-9_-] becomes "_" all the same.</summary>
    public static string EntryName(string number) =>
        string.Concat(number.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_')) + ".pdf";

    /// <summary>A write-only, non-seekable stream collecting what <see cref="ZipArchive"/> writes until it is drained.</summary>
    private sealed class ChunkBuffer : Stream
    {
        private readonly MemoryStream _pending = new();
        private long _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _pending.Write(buffer);
            _written += buffer.Length;
        }

        public async Task DrainToAsync(Stream output, CancellationToken ct)
        {
            if (_pending.Length == 0) return;
            await output.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
            _pending.SetLength(0);
            // Don't keep a buffer grown by one unusually large write (the central directory of a big archive).
            if (_pending.Capacity > 4 * 1024 * 1024) _pending.Capacity = 256 * 1024;
        }
    }
}
