using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Papers;

namespace CertPlatform.Web.Features.Exams;

/// <summary>A paper open to the trainee, with its window, size and the trainee's attempts at it.</summary>
public sealed record MyPaper(Paper Paper, PaperWindow Window, int Questions, decimal Points, IReadOnlyList<Attempt> Attempts)
{
    public Attempt? InProgress => Attempts.FirstOrDefault(a => a.Status == AttemptStatus.InProgress);
    public int AttemptsLeft => Paper.AttemptsAllowed == 0 ? int.MaxValue : Math.Max(0, Paper.AttemptsAllowed - Attempts.Count);
}
