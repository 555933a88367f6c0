using CertPlatform.Web.Domain.Statistics;
using CertPlatform.Web.Infrastructure;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Reads an uploaded results matrix (CSV in UTF-8 or GB18030, or the first sheet of an XLSX through the one
/// <see cref="XlsxReader"/>, with its zip-bomb and DTD checks) into numbered rows for <see cref="ResultsMatrix"/>.
/// </summary>
public static class MatrixFile
{
    public const long MaxBytes = 20L * 1024 * 1024;

    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static ResultsMatrixResult Parse(string fileName, byte[] bytes) =>
        ResultsMatrix.Parse(IsXlsx(fileName) ? ReadXlsx(bytes) : ReadCsv(bytes));

    private static IEnumerable<(int, string[])> ReadCsv(byte[] bytes)
    {
        using var csv = TabularFiles.OpenCsv(bytes, ignoreBlankLines: false);
        var row = 0;
        while (csv.Read()) yield return (++row, csv.Parser.Record ?? []);
    }

    // Two rows more than the attempts allowed (header and max), plus one so "too many rows" can be noticed.
    private static List<(int, string[])> ReadXlsx(byte[] bytes)
    {
        try { return XlsxReader.ReadFirstSheet(bytes, ResultsMatrix.MaxAttempts + 3, ResultsMatrix.MaxQuestions + 2); }
        catch (XlsxException e) { throw new MatrixFormatException(e.Message); }
    }
}
