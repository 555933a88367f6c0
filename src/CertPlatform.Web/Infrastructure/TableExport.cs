using System.Globalization;
using System.Text;
using CertPlatform.Web.Features.QuestionBank.Formats;
using CsvHelper;
using CsvHelper.Configuration;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// Writes a table (first row = header) as CSV (UTF-8 with BOM, comma-separated, every cell quoted, CRLF — what
/// Chinese Excel opens correctly) or XLSX (one sheet, inline strings). Text cells that a spreadsheet would take
/// for a formula (= + - @ tab CR, also after apostrophes) get a leading apostrophe, the same rule the question
/// template uses (<see cref="SpreadsheetFormat.Neutralize"/>); numeric cells are written as numbers.
/// </summary>
public static class TableExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = XlsxWriter.ContentType;

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
                foreach (var cell in row) csv.WriteField(cell.Kind != ExportCellKind.Text ? cell.Text : Neutralize(cell.Text), shouldQuote: true);
                csv.NextRecord();
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. new UTF8Encoding(false).GetBytes(sb.ToString())];
    }

    /// <param name="widths">Optional column widths (characters), by column; missing columns get 12.</param>
    public static byte[] Xlsx(IEnumerable<IReadOnlyList<ExportCell>> rows, string sheetName, IReadOnlyList<double>? widths = null) =>
        XlsxWriter.Write(Neutralized(rows), sheetName, widths);

    /// <summary>The same as <see cref="Xlsx"/> (the writer streams rows either way); kept for the HR records export.</summary>
    public static byte[] XlsxStreamed(IEnumerable<IReadOnlyList<ExportCell>> rows, string sheetName, IReadOnlyList<double>? widths = null) =>
        Xlsx(rows, sheetName, widths);

    private static IEnumerable<IReadOnlyList<ExportCell>> Neutralized(IEnumerable<IReadOnlyList<ExportCell>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
            yield return row.Select(c => c.Kind != ExportCellKind.Text ? c : new ExportCell(Neutralize(c.Text))).ToList();
    }
}
