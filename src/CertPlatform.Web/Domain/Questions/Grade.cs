namespace CertPlatform.Web.Domain.Questions;

public sealed record Grade(decimal Score, decimal Max, bool NeedsManualGrading, IReadOnlyList<Grade> Parts)
{
    public bool FullMarks => !NeedsManualGrading && Score == Max;
}
