using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// The one XLSX reader (question template, employee import, results matrices): the first worksheet as rows of cell
/// texts, read row by row (streaming, so a large sheet never becomes a DOM), with the
/// checks every upload needs before the OpenXML SDK inflates anything — at most <see cref="MaxEntries"/> zip entries,
/// at most <see cref="MaxUncompressedBytes"/> uncompressed (zip bombs), no DTD in any part (refused with a clear
/// message rather than an XML error). Shared strings lose their phonetic guides (rPh, added by Chinese Excel).
/// Throws <see cref="XlsxException"/> for a file it refuses or cannot read.
/// </summary>
public static class XlsxReader
{
    public const long MaxUncompressedBytes = 50L * 1024 * 1024;
    public const int MaxEntries = 1000;
    public const int DefaultMaxColumns = 200;

    /// <summary>
    /// Rows of the first sheet (row number as Excel shows it, cells by column), at most <paramref name="maxRows"/> rows;
    /// cells right of <paramref name="maxColumns"/> are left out.
    /// </summary>
    public static List<(int Row, string[] Cells)> ReadFirstSheet(byte[] bytes, int maxRows, int maxColumns = DefaultMaxColumns)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            Check(bytes);
            using var buffer = new MemoryStream(bytes, writable: false);
            using var doc = SpreadsheetDocument.Open(buffer, false);
            var workbook = doc.WorkbookPart ?? throw new XlsxException("XLSX 文件中没有工作簿");
            var firstSheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new XlsxException("XLSX 文件中没有工作表");
            if (firstSheet.Id?.Value is not { } sheetId || workbook.GetPartById(sheetId) is not WorksheetPart sheetPart)
                throw new XlsxException("XLSX 文件的第一个工作表无法读取");
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(RichText).ToArray() ?? [];
            var rows = new List<(int, string[])>();
            using var reader = OpenXmlReader.Create(sheetPart);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var col = TabularFiles.ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    if (col > maxColumns) continue;
                    while (cells.Count < col) cells.Add("");
                    if (cells.Count == col) cells.Add(CellText(cell, shared));
                }
                rows.Add(((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), cells.ToArray()));
                if (rows.Count >= maxRows) break;
            }
            return rows;
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or IOException or FormatException
            or System.Xml.XmlException or InvalidOperationException or ArgumentException or KeyNotFoundException
            // The OpenXML SDK dereferences missing parts of a damaged package (found by the parser fuzz test).
            or NullReferenceException)
        {
            throw new XlsxException("文件已损坏，或不是有效的 XLSX 文件");
        }
    }

    /// <summary>Refuses zip bombs, too many entries and DTDs before anything is parsed.</summary>
    private static void Check(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxUncompressedBytes)
            throw new XlsxException("XLSX 文件解压后过大，已拒绝（可能是压缩炸弹）");
        var head = new byte[4096];
        foreach (var entry in zip.Entries)
        {
            if (!entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)) continue;
            using var s = entry.Open();
            var n = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var text = Encoding.UTF8.GetString(head, 0, n);
            if (text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || text.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase)
                || Encoding.Unicode.GetString(head, 0, n - n % 2).Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
                throw new XlsxException("XLSX 文件包含 DTD 声明（<!DOCTYPE …>），出于安全原因拒绝读取");
        }
    }

    /// <summary>Text of a shared or inline string without phonetic guides (rPh).</summary>
    private static string RichText(OpenXmlElement item)
    {
        var plain = item.GetFirstChild<Text>();
        if (plain is not null) return plain.Text;
        return string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));
    }

    private static string CellText(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : "";
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? RichText(inline) : "";
        if (type == CellValues.Boolean) return raw == "1" ? "true" : "false";
        return raw;
    }
}
