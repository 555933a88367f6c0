using System.Globalization;
using System.Text;
using CertPlatform.Web.Features.QuestionBank.Formats;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CertPlatform.Web.Infrastructure;

/// <summary>One cell of an exported table: text, or a number written as a number (never neutralised).</summary>
public readonly record struct ExportCell(string Text, bool Numeric = false)
{
    public static implicit operator ExportCell(string text) => new(text);
    public static ExportCell Number(decimal value) => new(value.ToString(CultureInfo.InvariantCulture), true);
    public static ExportCell Number(int value) => new(value.ToString(CultureInfo.InvariantCulture), true);
}

/// <summary>
/// Writes a table (first row = header) as CSV (UTF-8 with BOM, comma-separated, every cell quoted, CRLF — what
/// Chinese Excel opens correctly) or XLSX (one sheet, inline strings). Text cells that a spreadsheet would take
/// for a formula (= + - @ tab CR, also after apostrophes) get a leading apostrophe, the same rule the question
/// template uses (<see cref="SpreadsheetFormat.Neutralize"/>); numeric cells are written as numbers.
/// </summary>
public static class TableExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Neutralize(string text) => SpreadsheetFormat.Neutralize(text);

    public static byte[] Csv(IEnumerable<IReadOnlyList<ExportCell>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        using (var writer = new StringWriter(sb, CultureInfo.InvariantCulture))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
        {
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(cell.Numeric ? cell.Text : Neutralize(cell.Text), shouldQuote: true);
                csv.NextRecord();
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. new UTF8Encoding(false).GetBytes(sb.ToString())];
    }

    /// <param name="widths">Optional column widths (characters), by column; missing columns get 12.</param>
    public static byte[] Xlsx(IEnumerable<IReadOnlyList<ExportCell>> rows, string sheetName, IReadOnlyList<double>? widths = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = rows.ToList();
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = doc.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var sheetData = new SheetData();
            var columnCount = table.Count == 0 ? 0 : table.Max(r => r.Count);
            var columns = new Columns();
            for (var c = 0; c < columnCount; c++)
            {
                var width = widths is not null && c < widths.Count ? widths[c] : 12d;
                columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = width, CustomWidth = true });
            }
            for (var r = 0; r < table.Count; r++)
            {
                var row = new Row { RowIndex = (uint)r + 1 };
                for (var c = 0; c < table[r].Count; c++)
                {
                    var cell = table[r][c];
                    if (cell.Text.Length == 0) continue;
                    var reference = ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                    row.Append(cell.Numeric
                        ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(cell.Text) }
                        : new Cell
                        {
                            CellReference = reference,
                            DataType = CellValues.InlineString,
                            InlineString = new InlineString(new Text(MoodleXmlFormat.XmlSafe(Neutralize(cell.Text))) { Space = SpaceProcessingModeValues.Preserve }),
                        });
                }
                sheetData.Append(row);
            }
            sheetPart.Worksheet = columnCount > 0 ? new Worksheet(columns, sheetData) : new Worksheet(sheetData);
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName });
        }
        return ms.ToArray();
    }

    /// <summary>
    /// The same workbook as <see cref="Xlsx"/>, written row by row with <see cref="OpenXmlWriter"/> instead of a DOM: the
    /// rows are consumed lazily and nothing per cell is kept, so large tables (10,000+ rows) take a fraction of the time
    /// and memory. Column widths cover the first row's columns. (Added for the HR records export.)
    /// </summary>
    public static byte[] XlsxStreamed(IEnumerable<IReadOnlyList<ExportCell>> rows, string sheetName, IReadOnlyList<double>? widths = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = doc.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                var r = 0;
                foreach (var row in rows)
                {
                    if (r == 0)
                    {
                        if (row.Count > 0)
                        {
                            writer.WriteStartElement(new Columns());
                            for (var c = 0; c < row.Count; c++)
                            {
                                var width = widths is not null && c < widths.Count ? widths[c] : 12d;
                                writer.WriteElement(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = width, CustomWidth = true });
                            }
                            writer.WriteEndElement();
                        }
                        writer.WriteStartElement(new SheetData());
                    }
                    r++;
                    var number = r.ToString(CultureInfo.InvariantCulture);
                    writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", number)]);
                    for (var c = 0; c < row.Count; c++)
                    {
                        var cell = row[c];
                        if (cell.Text.Length == 0) continue;
                        var reference = ColumnName(c) + number;
                        writer.WriteElement(cell.Numeric
                            ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(cell.Text) }
                            : new Cell
                            {
                                CellReference = reference,
                                DataType = CellValues.InlineString,
                                InlineString = new InlineString(new Text(MoodleXmlFormat.XmlSafe(Neutralize(cell.Text))) { Space = SpaceProcessingModeValues.Preserve }),
                            });
                    }
                    writer.WriteEndElement();
                }
                if (r == 0) writer.WriteStartElement(new SheetData());
                writer.WriteEndElement(); // sheetData
                writer.WriteEndElement(); // worksheet
            }
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName });
        }
        return ms.ToArray();
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
