using System.Buffers.Binary;

namespace CertPlatform.Web.Domain.Statistics;

/// <summary>
/// Reads an attempt digest (<see cref="AttemptDigestCodec"/>) slot by slot without allocating: ids come back as
/// UTF-8 spans into the digest. Call <see cref="Next"/>, read the properties, then (optionally) <see cref="ReadChosen"/>.
/// A digest that is not of the known format or ends early throws <see cref="FormatException"/>.
/// </summary>
public ref struct AttemptDigestReader
{
    /// <summary>More chosen options than a question can have (matching: pairs², at most 16 × 16).</summary>
    public const int MaxChosen = 256;

    private readonly ReadOnlySpan<byte> data;
    private int position;
    private int left;
    private int chosenLeft;

    public AttemptDigestReader(ReadOnlySpan<byte> digest)
    {
        data = digest;
        if (digest.Length == 0 || digest[0] != AttemptDigestCodec.Format) throw new FormatException("not an attempt digest of format 1");
        position = 1;
        Count = left = ReadVarint();
    }

    public int Count { get; }

    /// <summary>
    /// Whether <paramref name="digest"/> reads to its end as a digest of the known format (every slot, every chosen
    /// option, nothing after the last slot). The statistics check a digest this way before using any of it, so a
    /// damaged row costs only a second, allocation-free walk and never leaves half an attempt behind.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static bool IsReadable(ReadOnlySpan<byte> digest, out string? problem)
    {
        try
        {
            var reader = new AttemptDigestReader(digest);
            Span<int> chosen = stackalloc int[MaxChosen];
            while (reader.Next()) reader.ReadChosen(chosen);
            problem = reader.position == digest.Length ? null : $"bytes after the last slot ({digest.Length - reader.position})";
        }
        catch (FormatException e)
        {
            problem = e.Message;
        }
        return problem is null;
    }
    public int Ref { get; private set; }
    public int Section { get; private set; }
    public ReadOnlySpan<byte> QuestionId { get; private set; }
    public int Version { get; private set; }
    public ReadOnlySpan<byte> PartId { get; private set; }
    public double Mark { get; private set; }
    public double Max { get; private set; }
    public int OptionsVersion { get; private set; }

    /// <summary>Moves to the next slot (skipping the chosen options of the current one if they were not read).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool Next()
    {
        while (chosenLeft > 0)
        {
            ReadVarint();
            chosenLeft--;
        }
        if (left == 0) return false;
        left--;
        Ref = ReadVarint();
        Section = ReadVarint();
        QuestionId = ReadString();
        Version = ReadVarint();
        PartId = ReadString();
        Mark = ReadDouble();
        Max = ReadDouble();
        OptionsVersion = ReadVarint();
        chosenLeft = OptionsVersion == 0 ? 0 : ReadVarint();
        return true;
    }

    /// <summary>Copies the current slot's chosen authored options into <paramref name="target"/>; returns how many.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public int ReadChosen(scoped Span<int> target)
    {
        var n = chosenLeft;
        if (n > target.Length) throw new FormatException($"a digest slot chose {n} options, more than {target.Length}");
        for (var i = 0; i < n; i++) target[i] = ReadVarint();
        chosenLeft = 0;
        return n;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> ReadString()
    {
        var length = ReadVarint();
        if (length > data.Length - position) throw new FormatException("attempt digest ends inside a string");
        var s = data.Slice(position, length);
        position += length;
        return s;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private double ReadDouble()
    {
        if (data.Length - position < 8) throw new FormatException("attempt digest ends inside a mark");
        var v = BinaryPrimitives.ReadDoubleLittleEndian(data.Slice(position, 8));
        position += 8;
        return v;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int ReadVarint()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (position >= data.Length) throw new FormatException("attempt digest ends inside a number");
            var b = data[position++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return value <= int.MaxValue ? (int)value : throw new FormatException("attempt digest number out of range");
        }
        throw new FormatException("attempt digest number too long");
    }
}
