using CertPlatform.Web.Infrastructure;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>Rows to a CSV or XLSX file through the shared <see cref="TableExport"/>.</summary>
public static class ExportFiles
{
    public static byte[] Bytes(IEnumerable<IReadOnlyList<ExportCell>> rows, ExportFormat format, string sheet) =>
        format == ExportFormat.Xlsx ? TableExport.Xlsx(rows, sheet) : TableExport.Csv(rows);

    public static string ContentType(ExportFormat format) => format == ExportFormat.Xlsx ? TableExport.XlsxContentType : TableExport.CsvContentType;

    public static string Extension(ExportFormat format) => format == ExportFormat.Xlsx ? ".xlsx" : ".csv";
}
