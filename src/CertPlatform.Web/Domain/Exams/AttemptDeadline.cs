namespace CertPlatform.Web.Domain.Exams;

/// <summary>
/// When an attempt must end, computed once on the server at start (EXAM-API.md): start + time limit
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

    /// <summary>An answer is accepted until the deadline plus a small grace for requests in flight.</summary>
    public static bool AcceptsAnswers(DateTimeOffset deadline, TimeSpan grace, DateTimeOffset now) => now <= deadline + grace;

    /// <summary>An attempt the browser never finished is finished by the server at its deadline, not when noticed.</summary>
    public static DateTimeOffset FinishTime(DateTimeOffset deadline, DateTimeOffset submittedAt) =>
        submittedAt < deadline ? submittedAt : deadline;
}
