using CertPlatform.Web.Domain.Certificates;

namespace CertPlatform.UnitTests.Domain.Certificates;

public sealed class BitstringStatusListTests
{
    [Fact]
    public void Set_indexes_round_trip_with_index_zero_as_the_first_bit()
    {
        var encoded = BitstringStatusList.Encode([0, 9, 131071]);
        Assert.StartsWith("u", encoded);
        var bits = BitstringStatusList.Decode(encoded);
        Assert.Equal(BitstringStatusList.Size / 8, bits.Length);
        Assert.Equal(0x80, bits[0]);
        Assert.Equal(0x40, bits[1]);
        Assert.True(BitstringStatusList.IsSet(bits, 131071));
        Assert.False(BitstringStatusList.IsSet(bits, 1));
        Assert.Equal(3, bits.Sum(b => System.Numerics.BitOperations.PopCount(b)));
        Assert.Throws<ArgumentOutOfRangeException>(() => BitstringStatusList.Encode([BitstringStatusList.Size]));
    }

    [Theory]
    [InlineData("CP-2026-000123", 2026, 123)]
    [InlineData("X9-2030-000001", 2030, 1)]
    public void A_certificate_number_names_its_list_and_index(string number, int list, int index) =>
        Assert.Equal((list, index), BitstringStatusList.EntryOf(number));

    [Fact]
    public void A_malformed_number_has_no_entry() => Assert.Null(BitstringStatusList.EntryOf("not-a-number"));
}
