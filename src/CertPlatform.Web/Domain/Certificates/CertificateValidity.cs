namespace CertPlatform.Web.Domain.Certificates;

/// <summary>
/// The validity period of a certificate, in calendar days of the display zone. A certificate passed on day P and valid
/// for N years is valid through P + N years − 1 day (its printed "有效期至"), i.e. it expires at the start of day
/// P + N years. The printed last day is therefore always a day on which the certificate still verifies as valid.
/// </summary>
public static class CertificateValidity
{
    /// <summary>The last day on which the certificate is valid (printed as 有效期至).</summary>
    public static DateOnly LastValidDay(DateOnly passDate, int validityYears)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(validityYears, 1);
        var anniversary = passDate.AddYears(validityYears);
        // Passed on 29 February: the anniversary in a common year is 1 March, so the last valid day is 28 February.
        if (passDate is { Month: 2, Day: 29 } && anniversary.Day == 28) anniversary = anniversary.AddDays(1);
        return anniversary.AddDays(-1);
    }

    /// <summary>The first day on which the certificate is no longer valid: its expiry instant is the start of this day.</summary>
    public static DateOnly FirstExpiredDay(DateOnly passDate, int validityYears) => LastValidDay(passDate, validityYears).AddDays(1);

    /// <summary>
    /// The first day on which a certificate valid for <paramref name="validityMonths"/> months (a programme's validity) is no
    /// longer valid. Whole years behave exactly like <see cref="FirstExpiredDay(DateOnly,int)"/>; otherwise, when the
    /// passing day does not exist in the final month (passed 31 January, 1 month), the certificate is valid through the last
    /// day of that month.
    /// </summary>
    public static DateOnly FirstExpiredDayAfterMonths(DateOnly passDate, int validityMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(validityMonths, 1);
        if (validityMonths % 12 == 0) return FirstExpiredDay(passDate, validityMonths / 12);
        var end = passDate.AddMonths(validityMonths);
        return end.Day < passDate.Day ? end.AddDays(1) : end;
    }

    /// <summary>Valid until <paramref name="expiresAt"/> (exclusive), unless revoked.</summary>
    public static bool IsValidAt(DateTimeOffset expiresAt, bool revoked, DateTimeOffset now) => !revoked && now < expiresAt;
}
