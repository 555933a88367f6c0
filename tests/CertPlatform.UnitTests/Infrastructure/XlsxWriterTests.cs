using System.Globalization;
using System.Text;
using CertPlatform.Web.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CertPlatform.UnitTests.Infrastructure;

public sealed class XlsxWriterTests
{
    private static readonly IReadOnlyList<ExportCell>[] Table =
    [
        ["证书编号", "发证日期", "撤销时间", "成绩"],
        ["CP-1", ExportCell.Date(new DateOnly(2026, 11, 30)), ExportCell.Minute(new DateTime(2026, 12, 1, 8, 30, 45)), ExportCell.Number(97.5m)],
    ];

    [Fact]
    public void Days_and_minutes_are_date_cells_with_a_date_format_and_the_file_is_valid()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(TableExport.Xlsx(Table, "证书")), false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => e.Description));
        var cells = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        var formats = doc.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var numberFormats = formats.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value);
        var cellFormats = formats.CellFormats!.Elements<CellFormat>().ToList();
        string FormatOf(Cell c) => numberFormats[cellFormats[(int)c.StyleIndex!.Value].NumberFormatId!.Value]!;

        // 2026-11-30 is day 46356 after 1899-12-30; 08:30 is 0.3541666… of a day (seconds dropped).
        Assert.Equal("46356", cells["B2"].CellValue!.Text);
        Assert.Null(cells["B2"].DataType);
        Assert.Equal("yyyy-mm-dd", FormatOf(cells["B2"]));
        Assert.Equal(46357 + 8.5 / 24, double.Parse(cells["C2"].CellValue!.Text, CultureInfo.InvariantCulture), 6);
        Assert.Equal("yyyy-mm-dd hh:mm", FormatOf(cells["C2"]));
        Assert.Equal(CellValues.Number, cells["D2"].DataType!.Value);
        Assert.Equal("CP-1", cells["A2"].InlineString!.Text!.Text);
    }

    [Fact]
    public void The_header_row_is_bold_filled_and_frozen()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(TableExport.Xlsx(Table, "证书")), false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var stylesheet = doc.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var header = sheet.Descendants<Row>().First().Elements<Cell>().ToList();
        Assert.Equal(4, header.Count);
        foreach (var cell in header)
        {
            var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
            Assert.NotNull(stylesheet.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value).Bold);
            var fill = stylesheet.Fills!.Elements<Fill>().ElementAt((int)format.FillId!.Value).PatternFill!;
            Assert.Equal(PatternValues.Solid, fill.PatternType!.Value);
        }
        var pane = Assert.Single(sheet.Descendants<Pane>());
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        // Body cells keep the default look.
        Assert.Null(sheet.Descendants<Row>().ElementAt(1).Elements<Cell>().First().StyleIndex);
    }

    [Fact]
    public void Csv_shows_the_same_days_and_minutes_as_text()
    {
        var csv = Encoding.UTF8.GetString(TableExport.Csv(Table)).TrimStart('\uFEFF');
        Assert.Contains("\"CP-1\",\"2026-11-30\",\"2026-12-01 08:30\",\"97.5\"", csv);
    }
}
