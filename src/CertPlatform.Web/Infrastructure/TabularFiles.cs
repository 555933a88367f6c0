using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace CertPlatform.Web.Infrastructure;

/// <summary>What every CSV/XLSX reader here needs: the text encoding office files come in and cell references.</summary>
public static class TabularFiles
{
    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise GB18030 (Excel's "CSV" on Chinese Windows).</summary>
    public static Encoding DetectEncoding(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    /// <summary>
    /// A raw-row CSV reader over an office file's bytes (encoding detected, BOM dropped, delimiter
    /// guessed among , ; tab, ragged rows tolerated); the caller owns header handling.
    /// </summary>
    public static CsvReader OpenCsv(byte[] bytes, bool ignoreBlankLines = true)
    {
        var text = DetectEncoding(bytes).GetString(bytes).TrimStart('\uFEFF');
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = ignoreBlankLines,
        };
        return new CsvReader(new StringReader(text), config);
    }

    /// <summary>Zero-based column of a cell reference such as "C12" (null when there is none or it is out of Excel's range).</summary>
    public static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch)) break;
            index = index * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
            if (index > 16384) return null;
        }
        return index == 0 ? null : index - 1;
    }
}
