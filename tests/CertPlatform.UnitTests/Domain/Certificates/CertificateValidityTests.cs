using CertPlatform.Web.Domain.Certificates;

namespace CertPlatform.UnitTests.Domain.Certificates;

public sealed class CertificateValidityTests
{
    [Theory]
    [InlineData("2026-11-30", 3, "2029-11-29")]
    [InlineData("2026-12-01", 3, "2029-11-30")]
    [InlineData("2028-02-29", 1, "2029-02-28")] // no 29 February in 2029: the anniversary is 1 March
    [InlineData("2028-02-29", 4, "2032-02-28")]
    [InlineData("2028-02-28", 1, "2029-02-27")]
    [InlineData("2026-01-01", 1, "2026-12-31")]
    public void A_certificate_is_valid_through_the_day_before_its_anniversary(string passed, int years, string lastValid)
    {
        var pass = DateOnly.Parse(passed, System.Globalization.CultureInfo.InvariantCulture);
        var last = DateOnly.Parse(lastValid, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(last, CertificateValidity.LastValidDay(pass, years));
        Assert.Equal(last.AddDays(1), CertificateValidity.FirstExpiredDay(pass, years));
    }

    [Fact]
    public void Valid_until_the_expiry_instant_unless_revoked()
    {
        var expires = new DateTimeOffset(2029, 11, 29, 16, 0, 0, TimeSpan.Zero);
        Assert.True(CertificateValidity.IsValidAt(expires, revoked: false, expires.AddTicks(-1)));
        Assert.False(CertificateValidity.IsValidAt(expires, revoked: false, expires));
        Assert.False(CertificateValidity.IsValidAt(expires, revoked: true, expires.AddDays(-100)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificateValidity.LastValidDay(new DateOnly(2026, 1, 1), 0));
    }
}
