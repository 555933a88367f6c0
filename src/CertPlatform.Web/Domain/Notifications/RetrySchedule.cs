namespace CertPlatform.Web.Domain.Notifications;

/// <summary>Exponential back-off for e-mail delivery: 1, 2, 4, 8 … minutes after each failed attempt, never more than an hour.</summary>
public static class RetrySchedule
{
    public static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    /// <summary>How long to wait after the <paramref name="failedAttempts"/>-th failed attempt (1 = the first).</summary>
    public static TimeSpan Delay(int failedAttempts)
    {
        if (failedAttempts < 1) return TimeSpan.Zero;
        // 2^6 minutes already exceeds the cap; stop doubling before it can overflow.
        return failedAttempts > 7 ? Cap : TimeSpan.FromMinutes(Math.Min(Cap.TotalMinutes, Math.Pow(2, failedAttempts - 1)));
    }

    /// <summary>Whether a message that has failed <paramref name="failedAttempts"/> times should be given up.</summary>
    public static bool GiveUp(int failedAttempts, int maxAttempts) => failedAttempts >= maxAttempts;
}
