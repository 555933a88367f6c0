using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Grading;

public sealed record RegradePageModel(string QuestionId, string QuestionType, string StemExcerpt, int CurrentVersion, IReadOnlyList<RegradeVersionRow> Versions)
{
    /// <summary>Finished attempts graded against an earlier version: what a regrade would touch.</summary>
    public int Outdated => Versions.Where(v => !v.IsCurrent).Sum(v => v.Attempts);
}
