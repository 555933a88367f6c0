using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.UnitTests.Domain.Statistics;

public sealed class AttemptDigestCodecTests
{
    private static void AssertSame(IReadOnlyList<DigestSlot> expected, IReadOnlyList<DigestSlot> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((e.Ref, e.Section, e.QuestionId, e.Version, e.PartId, e.OptionsVersion), (a.Ref, a.Section, a.QuestionId, a.Version, a.PartId, a.OptionsVersion));
            // Bit for bit: the statistics must not move by a rounding.
            Assert.Equal(BitConverter.DoubleToInt64Bits(e.Mark), BitConverter.DoubleToInt64Bits(a.Mark));
            Assert.Equal(BitConverter.DoubleToInt64Bits(e.Max), BitConverter.DoubleToInt64Bits(a.Max));
            Assert.Equal(e.Chosen, a.Chosen);
        }
    }

    [Fact]
    public void Every_kind_of_slot_reads_back_exactly()
    {
        DigestSlot[] slots =
        [
            new(0, 0, "p1-q01", 1, "part1", 1, 1, 1, [2]),                        // single choice, answered
            new(1, 0, "p1-q02", 3, "part1", 0, 2, 3, []),                         // single choice, unanswered
            new(2, 1, "p1-q03", 1, "part2", 1.0 / 3, 2, 1, [0, 2, 3]),            // multiple choice, partial credit
            new(3, 1, "p2-q04", 2, "part2", 0.1 + 0.2, 1.5, 2, [0 * 4 + 2, 1 * 4 + 0, 3 * 4 + 3]), // matching: left × pairs + right
            new(4, 2, "p3-q05", 1, "part3", 7.5, 10, 0, []),                      // essay: no options
            new(5, 2, "p3-q06", 1, "part3", 0.67, 1, 0, []),                      // fill-in: no options
            new(6, 2, "p3-q07", 1, "part3", 1, 1, 1, [1]),                        // true/false: false chosen
        ];
        AssertSame(slots, AttemptDigestCodec.Decode(AttemptDigestCodec.Encode(slots)));
    }

    [Fact]
    public void Large_numbers_and_non_ascii_ids_use_several_bytes_and_still_round_trip()
    {
        DigestSlot[] slots = [new(300, 129, "题库-单选-０１", 70_000, "第二部分", double.MaxValue, 1e-300, 16_384, [127, 128, 255])];
        AssertSame(slots, AttemptDigestCodec.Decode(AttemptDigestCodec.Encode(slots)));
    }

    [Fact]
    public void An_attempt_without_questions_is_a_two_byte_digest()
    {
        var bytes = AttemptDigestCodec.Encode([]);
        Assert.Equal([AttemptDigestCodec.Format, 0], bytes);
        Assert.Empty(AttemptDigestCodec.Decode(bytes));
    }

    [Fact]
    public void The_reader_skips_unread_choices_and_reports_the_slot_count()
    {
        DigestSlot[] slots = [new(0, 0, "a", 1, "p", 1, 1, 1, [1, 2]), new(1, 0, "b", 1, "p", 0, 1, 0, [])];
        var reader = new AttemptDigestReader(AttemptDigestCodec.Encode(slots));
        Assert.Equal(2, reader.Count);
        Assert.True(reader.Next());
        Assert.True(reader.Next()); // the first slot's choices were not read
        Assert.Equal(1, reader.Ref);
        Assert.Equal("b"u8.ToArray(), reader.QuestionId.ToArray());
        Assert.False(reader.Next());
    }

    [Fact]
    public void Negative_numbers_and_choices_without_an_options_version_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AttemptDigestCodec.Encode([new(-1, 0, "a", 1, "p", 1, 1, 0, [])]));
        Assert.Throws<ArgumentOutOfRangeException>(() => AttemptDigestCodec.Encode([new(0, 0, "a", 1, "p", 1, 1, 1, [-1])]));
        Assert.Throws<ArgumentException>(() => AttemptDigestCodec.Encode([new(0, 0, "a", 1, "p", 1, 1, 0, [1])]));
    }

    [Fact]
    public void A_truncated_or_foreign_digest_is_a_format_error()
    {
        var bytes = AttemptDigestCodec.Encode([new(0, 0, "p1-q01", 1, "part1", 1, 1, 1, [2])]);
        for (var n = 2; n < bytes.Length; n++)
        {
            var cut = bytes[..n];
            Assert.Throws<FormatException>(() => AttemptDigestCodec.Decode(cut));
        }
        Assert.Throws<FormatException>(() => AttemptDigestCodec.Decode([]));
        Assert.Throws<FormatException>(() => AttemptDigestCodec.Decode([2, 0]));
        Assert.Throws<FormatException>(() => AttemptDigestCodec.Decode([AttemptDigestCodec.Format, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]));
    }

    [Fact]
    public void Only_a_digest_that_reads_to_its_end_is_readable()
    {
        var bytes = AttemptDigestCodec.Encode([new(0, 0, "p1-q01", 1, "part1", 1, 1, 1, [2]), new(1, 0, "p1-q02", 1, "part1", 0, 1, 1, [0, 1])]);
        Assert.True(AttemptDigestReader.IsReadable(bytes, out var none));
        Assert.Null(none);
        Assert.True(AttemptDigestReader.IsReadable(AttemptDigestCodec.Encode([]), out _));
        for (var n = 0; n < bytes.Length; n++)
        {
            Assert.False(AttemptDigestReader.IsReadable(bytes[..n], out var problem), $"cut at {n}");
            Assert.False(string.IsNullOrEmpty(problem));
        }
        Assert.False(AttemptDigestReader.IsReadable([.. bytes, 0], out var trailing));
        Assert.Equal("bytes after the last slot (1)", trailing);
        Assert.False(AttemptDigestReader.IsReadable([2, .. bytes[1..]], out var format));
        Assert.Contains("format", format);
        // More chosen options than any question has: refused before anything is used.
        var many = AttemptDigestCodec.Encode([new(0, 0, "q", 1, "p", 0, 1, 1, Enumerable.Range(0, AttemptDigestReader.MaxChosen + 1).ToArray())]);
        Assert.False(AttemptDigestReader.IsReadable(many, out var chosen));
        Assert.Contains("chose", chosen);
    }
}
