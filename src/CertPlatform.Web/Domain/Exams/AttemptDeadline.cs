namespace CertPlatform.Web.Domain.Exams;

/// <summary>
/// When an attempt must end, computed once on the server at start: start + time limit
/// + the user's allowance, but never after the paper's close time. The client clock only displays it.
/// </summary>
public static class AttemptDeadline
{
    public static DateTimeOffset Compute(DateTimeOffset startedAt, TimeSpan timeLimit, TimeSpan allowance, DateTimeOffset? closesAt)
    {
        if (timeLimit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeLimit), "the time limit must be positive");
        if (allowance < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(allowance), "an allowance cannot be negative");
        var deadline = startedAt + timeLimit + allowance;
        return closesAt is { } close && close < deadline ? close : deadline;
    }

    /// <summary>
    /// The one rule for "is the attempt still open": answers are accepted, the exam page shown and an
    /// attempt resumed until the deadline plus one grace (requests in flight, answers queued offline
    /// replayed by a page reloaded just after time ran out). After that the attempt is over and the
    /// server finishes it.
    /// </summary>
    public static bool AcceptsAnswers(DateTimeOffset deadline, TimeSpan grace, DateTimeOffset now) => now <= deadline + grace;

    /// <summary>Attempts with a deadline before this instant are over (the same rule as <see cref="AcceptsAnswers"/>, for queries).</summary>
    public static DateTimeOffset OverdueBefore(TimeSpan grace, DateTimeOffset now) => now - grace;

    /// <summary>An attempt the browser never finished is finished by the server at its deadline, not when noticed.</summary>
    public static DateTimeOffset FinishTime(DateTimeOffset deadline, DateTimeOffset submittedAt) =>
        submittedAt < deadline ? submittedAt : deadline;
}
