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
/// The first row is the header: bold on a light fill, and frozen so it stays in view while scrolling. Days and
/// minutes (<see cref="ExportCellKind.Date"/>, <see cref="ExportCellKind.DateTime"/>) are real date cells (serial
/// numbers with a yyyy-mm-dd or yyyy-mm-dd hh:mm format), so spreadsheets sort and filter them as dates.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Cell format indexes of the stylesheet below.
    private const uint DateStyle = 1, DateTimeStyle = 2, HeaderStyle = 3;
    private static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The spreadsheet serial number of a day or wall-clock time (days since 1899-12-30, time as a fraction).</summary>
    public static string Serial(DateTime value) =>
        Math.Round((value - Epoch).TotalDays, 8).ToString("0.########", CultureInfo.InvariantCulture);

    public static byte[] Write(IEnumerable<IReadOnlyList<ExportCell>> rows, string sheetName, IReadOnlyList<double>? widths = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = doc.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
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
                            writer.WriteElement(new SheetViews(new SheetView(
                                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
                            { WorkbookViewId = 0 }));
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
                        writer.WriteElement(cell.Kind switch
                        {
                            ExportCellKind.Number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(cell.Text) },
                            // Numeric cells by default (no t attribute); the style gives the date format.
                            ExportCellKind.Date => new Cell { CellReference = reference, StyleIndex = DateStyle, CellValue = new CellValue(Serial(cell.Value)) },
                            ExportCellKind.DateTime => new Cell { CellReference = reference, StyleIndex = DateTimeStyle, CellValue = new CellValue(Serial(cell.Value)) },
                            _ => new Cell
                            {
                                CellReference = reference,
                                StyleIndex = r == 1 ? HeaderStyle : null,
                                DataType = CellValues.InlineString,
                                InlineString = new InlineString(new Text(XmlText.Safe(cell.Text)) { Space = SpaceProcessingModeValues.Preserve }),
                            },
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

    /// <summary>Formats: 0 default, 1 day, 2 day and minute, 3 header (bold, light blue fill).</summary>
    private static Stylesheet Styles()
    {
        static Font Font(bool bold) => bold
            ? new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })
            : new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" });
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 2 },
            new Fonts(Font(false), Font(true)) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDE7F2" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
                new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, ApplyFont = true, ApplyFill = true }) { Count = 4 });
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
