using System.IO.Compression;

namespace CertPlatform.Web.Domain.Certificates;

/// <summary>
/// W3C Bitstring Status List encoding: a bitstring of <see cref="Size"/> bits (index 0 is the most significant bit of
/// the first byte), GZIP-compressed and written as multibase base64url ("u" prefix, no padding).
/// </summary>
public static class BitstringStatusList
{
    /// <summary>2^20 bits: above the specification's 131,072-bit minimum (herd privacy) and room for a year's numbers.</summary>
    public const int Size = 1 << 20;

    public static string Encode(IEnumerable<int> setIndexes, int size = Size)
    {
        var bits = new byte[size / 8];
        foreach (var i in setIndexes)
        {
            if (i < 0 || i >= size) throw new ArgumentOutOfRangeException(nameof(setIndexes), i, $"status index outside 0–{size - 1}");
            bits[i / 8] |= (byte)(0x80 >> (i % 8));
        }
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(bits);
        return "u" + Convert.ToBase64String(output.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The bitstring of an encodedList (for verifiers and tests).</summary>
    public static byte[] Decode(string encodedList)
    {
        if (!encodedList.StartsWith('u')) throw new FormatException("encodedList must be multibase base64url (prefix 'u')");
        var b64 = encodedList[1..].Replace('-', '+').Replace('_', '/');
        var gz = Convert.FromBase64String(b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '='));
        using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var bits = new MemoryStream();
        input.CopyTo(bits);
        return bits.ToArray();
    }

    public static bool IsSet(byte[] bitstring, int index) => (bitstring[index / 8] & (0x80 >> (index % 8))) != 0;

    /// <summary>
    /// Where a certificate's revocation bit lives: the list of its number's year, at its sequence within that year
    /// ("CP-2026-000123" → list 2026, index 123). Numbers are never reused, so neither are indexes.
    /// </summary>
    public static (int List, int Index)? EntryOf(string certificateNumber)
    {
        var parts = certificateNumber.Split('-');
        return parts.Length >= 3 && int.TryParse(parts[^2], out var year) && int.TryParse(parts[^1], out var seq) && seq is >= 0 and < Size
            ? (year, seq) : null;
    }
}
