using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>The attempt filters the analytics queries share.</summary>
internal static class AttemptQueries
{
    /// <summary>Finished attempts with a final result (nothing waits for an examiner): what statistics count.</summary>
    public static IQueryable<Attempt> Graded(this IQueryable<Attempt> attempts) =>
        attempts.Where(a => a.Status == AttemptStatus.Finished && a.Grading == GradingStatus.Final);

    /// <summary>Attempts finished between two UTC days, both inclusive (either may be open).</summary>
    public static IQueryable<Attempt> FinishedBetween(this IQueryable<Attempt> attempts, DateOnly? from, DateOnly? to)
    {
        if (from is { } f)
        {
            var start = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            attempts = attempts.Where(a => a.FinishedAt >= start);
        }
        if (to is { } t)
        {
            var end = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            attempts = attempts.Where(a => a.FinishedAt < end);
        }
        return attempts;
    }
}
