using System.IO.Compression;
using CertPlatform.Web.Domain.Statistics;
using CertPlatform.Web.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Reads an uploaded results matrix (CSV in UTF-8 or GB18030, or the first sheet of an XLSX) into
/// numbered rows for <see cref="ResultsMatrix"/>. An XLSX is read with the streaming reader, after
/// a zip-bomb check, so a 10,000-row sheet does not build a DOM.
/// </summary>
public static class MatrixFile
{
    public const long MaxBytes = 20L * 1024 * 1024;
    private const long MaxXlsxUncompressedBytes = 200L * 1024 * 1024;

    public enum Unreadable { XlsxTooLarge, NoSheet, Corrupt }

    public sealed class FormatException(Unreadable reason) : Exception(reason.ToString())
    {
        public Unreadable Reason { get; } = reason;
    }

    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static ResultsMatrix.Outcome Parse(string fileName, byte[] bytes) =>
        ResultsMatrix.Parse(IsXlsx(fileName) ? ReadXlsx(bytes) : ReadCsv(bytes));

    private static IEnumerable<(int, string[])> ReadCsv(byte[] bytes)
    {
        using var csv = TabularFiles.OpenCsv(bytes, ignoreBlankLines: false);
        var row = 0;
        while (csv.Read()) yield return (++row, csv.Parser.Record ?? []);
    }

    private static List<(int, string[])> ReadXlsx(byte[] bytes)
    {
        using var buffer = new MemoryStream(bytes, writable: false);
        try
        {
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true))
                if (zip.Entries.Sum(e => e.Length) > MaxXlsxUncompressedBytes) throw new FormatException(Unreadable.XlsxTooLarge);
            buffer.Position = 0;
            using var doc = SpreadsheetDocument.Open(buffer, false);
            var workbook = doc.WorkbookPart ?? throw new FormatException(Unreadable.NoSheet);
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part) throw new FormatException(Unreadable.NoSheet);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            return Rows(part, shared);
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or IOException)
        {
            throw new FormatException(Unreadable.Corrupt);
        }
    }

    private static List<(int, string[])> Rows(WorksheetPart part, string[] shared)
    {
        var rows = new List<(int, string[])>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var col = TabularFiles.ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                if (col > ResultsMatrix.MaxQuestions + 1) break;
                while (cells.Count < col) cells.Add("");
                var raw = cell.CellValue?.Text ?? "";
                cells.Add(cell.DataType?.Value == CellValues.SharedString ? (int.TryParse(raw, out var k) && k >= 0 && k < shared.Length ? shared[k] : "")
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : raw);
            }
            rows.Add(((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), cells.ToArray()));
            if (rows.Count > ResultsMatrix.MaxAttempts + 3) break;
        }
        return rows;
    }
}
