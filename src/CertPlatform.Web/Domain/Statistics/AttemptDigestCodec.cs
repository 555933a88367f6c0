using System.Buffers.Binary;
using System.Text;

namespace CertPlatform.Web.Domain.Statistics;

/// <summary>
/// The binary encoding of an attempt digest (<see cref="DigestSlot"/>s), documented in docs/statistics.md:
/// a format byte (1), the slot count, then per slot: ref, section, question id, version, part id, mark, max,
/// options version and, when that is not 0, the count and the chosen authored option indices. Integers are unsigned
/// LEB128 varints, strings a varint byte length and UTF-8, marks IEEE-754 doubles (8 bytes, little-endian), so a
/// digest reads back bit for bit what was written.
/// </summary>
public static class AttemptDigestCodec
{
    public const byte Format = 1;

    public static byte[] Encode(IReadOnlyList<DigestSlot> slots)
    {
        var buffer = new List<byte>(16 + slots.Count * 48) { Format };
        WriteVarint(buffer, slots.Count, "slot count");
        Span<byte> eight = stackalloc byte[8];
        foreach (var s in slots)
        {
            WriteVarint(buffer, s.Ref, nameof(s.Ref));
            WriteVarint(buffer, s.Section, nameof(s.Section));
            WriteString(buffer, s.QuestionId);
            WriteVarint(buffer, s.Version, nameof(s.Version));
            WriteString(buffer, s.PartId);
            BinaryPrimitives.WriteDoubleLittleEndian(eight, s.Mark);
            foreach (var b in eight) buffer.Add(b);
            BinaryPrimitives.WriteDoubleLittleEndian(eight, s.Max);
            foreach (var b in eight) buffer.Add(b);
            WriteVarint(buffer, s.OptionsVersion, nameof(s.OptionsVersion));
            if (s.OptionsVersion == 0)
            {
                if (s.Chosen.Count > 0) throw new ArgumentException("chosen options need an options version", nameof(slots));
                continue;
            }
            WriteVarint(buffer, s.Chosen.Count, nameof(s.Chosen));
            foreach (var c in s.Chosen) WriteVarint(buffer, c, nameof(s.Chosen));
        }
        return buffer.ToArray();
    }

    /// <summary>Every slot of a digest, materialised (for tests and the rare caller that wants objects; statistics use <see cref="AttemptDigestReader"/>).</summary>
    public static List<DigestSlot> Decode(ReadOnlySpan<byte> digest)
    {
        var reader = new AttemptDigestReader(digest);
        var slots = new List<DigestSlot>(reader.Count);
        Span<int> chosen = stackalloc int[AttemptDigestReader.MaxChosen];
        while (reader.Next())
        {
            var n = reader.ReadChosen(chosen);
            slots.Add(new DigestSlot(reader.Ref, reader.Section, Encoding.UTF8.GetString(reader.QuestionId), reader.Version,
                Encoding.UTF8.GetString(reader.PartId), reader.Mark, reader.Max, reader.OptionsVersion, chosen[..n].ToArray()));
        }
        return slots;
    }

    private static void WriteString(List<byte> buffer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        WriteVarint(buffer, bytes.Length, "string length");
        buffer.AddRange(bytes);
    }

    private static void WriteVarint(List<byte> buffer, int value, string what)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(what, value, $"{what} must not be negative in a digest");
        var v = (uint)value;
        while (v >= 0x80)
        {
            buffer.Add((byte)(v | 0x80));
            v >>= 7;
        }
        buffer.Add((byte)v);
    }
}
