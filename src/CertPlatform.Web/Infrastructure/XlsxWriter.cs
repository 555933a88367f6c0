using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// The one XLSX writer (question template, HR and result exports): one sheet, inline strings, numbers as numbers,
/// written row by row with <see cref="OpenXmlWriter"/> (rows consumed lazily; 10,000+ rows are cheap). Cells are
/// written as given except for characters XML cannot carry: formula neutralisation is the caller's choice
/// (<see cref="TableExport"/> does it). Column widths cover the first row's columns (missing widths are 12).
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(IEnumerable<IReadOnlyList<ExportCell>> rows, string sheetName, IReadOnlyList<double>? widths = null)
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
                                InlineString = new InlineString(new Text(XmlText.Safe(cell.Text)) { Space = SpaceProcessingModeValues.Preserve }),
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

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
