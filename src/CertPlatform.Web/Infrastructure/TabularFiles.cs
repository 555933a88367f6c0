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
    /// Decodes a text file whose encoding nobody declared: UTF-8 (with or without BOM), UTF-16 (with a BOM, or
    /// without one when the zero bytes show it), or GB18030/GBK (what Chinese Windows and Excel save). Returns null
    /// when the bytes are none of these with confidence (invalid in every candidate, or GB18030 text that is not
    /// mostly Chinese — e.g. a Latin-1 file): the caller refuses the file rather than guess.
    /// <paramref name="encoding"/> names the encoding found ("UTF-8", "UTF-16LE", "UTF-16BE", "GB18030").
    /// </summary>
    public static string? DecodeText(byte[] bytes, out string encoding)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        encoding = "UTF-8";
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Strict(new UTF8Encoding(false, true), bytes, 3);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) { encoding = "UTF-16LE"; return Strict(new UnicodeEncoding(false, false, true), bytes, 2); }
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) { encoding = "UTF-16BE"; return Strict(new UnicodeEncoding(true, false, true), bytes, 2); }
        if (Strict(new UTF8Encoding(false, true), bytes, 0) is { } utf8 && !utf8.Contains('\0')) return utf8;
        if (bytes.Length >= 2 && bytes.Length % 2 == 0)
        {
            // UTF-16 without a BOM: text in it has a zero in every other byte for ASCII characters.
            int evenZeros = 0, oddZeros = 0;
            for (var i = 0; i < bytes.Length; i++) if (bytes[i] == 0) { if (i % 2 == 0) evenZeros++; else oddZeros++; }
            var half = bytes.Length / 2;
            if (oddZeros > half / 3 && evenZeros == 0) { encoding = "UTF-16LE"; return Strict(new UnicodeEncoding(false, false, true), bytes, 0); }
            if (evenZeros > half / 3 && oddZeros == 0) { encoding = "UTF-16BE"; return Strict(new UnicodeEncoding(true, false, true), bytes, 0); }
        }
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = (Encoding)Encoding.GetEncoding("GB18030").Clone();
        gb.DecoderFallback = DecoderFallback.ExceptionFallback;
        encoding = "GB18030";
        if (Strict(gb, bytes, 0) is not { } text) return null;
        // Latin-1 or random bytes often decode as GB18030 too, into rare characters: accept only text whose
        // non-ASCII characters are mostly common Chinese characters and punctuation.
        int nonAscii = 0, chinese = 0;
        foreach (var c in text)
        {
            if (c < 0x80) { if (c == 0) return null; continue; }
            nonAscii++;
            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF' or '\u00B7' or '\u2014' or '\u2026' or >= '\u2018' and <= '\u201D')
                chinese++;
        }
        return chinese * 10 >= nonAscii * 9 ? text : null;
    }

    private static string? Strict(Encoding encoding, byte[] bytes, int skip)
    {
        try { return encoding.GetString(bytes, skip, bytes.Length - skip); }
        catch (DecoderFallbackException) { return null; }
        catch (ArgumentException) { return null; }
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
