using CertPlatform.Web.Domain.Exams;

namespace CertPlatform.UnitTests.Domain.Exams;

public sealed class AttemptDeadlineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Deadline_is_start_plus_limit_plus_allowance()
    {
        Assert.Equal(Start.AddMinutes(100), AttemptDeadline.Compute(Start, TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(10), null));
    }

    [Fact]
    public void The_paper_close_time_caps_the_deadline_even_with_an_allowance()
    {
        var close = Start.AddMinutes(60);
        Assert.Equal(close, AttemptDeadline.Compute(Start, TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(15), close));
        Assert.Equal(Start.AddMinutes(90), AttemptDeadline.Compute(Start, TimeSpan.FromMinutes(90), TimeSpan.Zero, Start.AddHours(3)));
    }

    [Fact]
    public void Bad_limits_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AttemptDeadline.Compute(Start, TimeSpan.Zero, TimeSpan.Zero, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => AttemptDeadline.Compute(Start, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(-1), null));
    }

    [Fact]
    public void Overdue_attempts_finish_at_the_deadline_not_when_noticed()
    {
        var deadline = Start.AddMinutes(90);
        Assert.Equal(deadline, AttemptDeadline.FinishTime(deadline, deadline.AddHours(5)));
        Assert.Equal(Start.AddMinutes(30), AttemptDeadline.FinishTime(deadline, Start.AddMinutes(30)));
    }

    [Fact]
    public void One_grace_decides_whether_an_attempt_is_open_and_the_finisher_query_agrees()
    {
        var deadline = Start.AddMinutes(90);
        var grace = TimeSpan.FromSeconds(5);
        Assert.True(AttemptDeadline.AcceptsAnswers(deadline, grace, deadline.AddSeconds(2))); // reloaded 2 s late: still open
        Assert.True(AttemptDeadline.AcceptsAnswers(deadline, grace, deadline.AddSeconds(5)));
        Assert.False(AttemptDeadline.AcceptsAnswers(deadline, grace, deadline.AddSeconds(6)));
        foreach (var late in new[] { -1, 0, 2, 5, 6, 60 })
        {
            var now = deadline.AddSeconds(late);
            var overdue = deadline < AttemptDeadline.OverdueBefore(grace, now);
            Assert.Equal(!AttemptDeadline.AcceptsAnswers(deadline, grace, now), overdue);
        }
    }
}
