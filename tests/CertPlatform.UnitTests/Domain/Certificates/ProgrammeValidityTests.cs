using CertPlatform.Web.Domain.Certificates;

namespace CertPlatform.UnitTests.Domain.Certificates;

/// <summary>A programme's validity in months (CertificateValidity.FirstExpiredDayAfterMonths).</summary>
public sealed class ProgrammeValidityTests
{
    [Theory]
    [InlineData("2026-11-30", 36, "2029-11-30")]
    [InlineData("2028-02-29", 12, "2029-03-01")] // whole years: like FirstExpiredDay (valid through 28 February)
    [InlineData("2026-01-15", 6, "2026-07-15")]
    [InlineData("2026-01-31", 1, "2026-03-01")]  // no 31 February: valid through the last day of February
    [InlineData("2026-03-31", 18, "2027-10-01")]
    public void The_first_expired_day(string passed, int months, string firstExpired) =>
        Assert.Equal(DateOnly.Parse(firstExpired), CertificateValidity.FirstExpiredDayAfterMonths(DateOnly.Parse(passed), months));

    [Fact]
    public void Whole_years_agree_with_the_year_rule() =>
        Assert.Equal(CertificateValidity.FirstExpiredDay(new DateOnly(2027, 2, 28), 3), CertificateValidity.FirstExpiredDayAfterMonths(new DateOnly(2027, 2, 28), 36));
}
