using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Papers;

public sealed record PaperSummary(Paper Paper, IReadOnlyList<SectionFeasibility> Sections)
{
    public decimal TotalPoints => Sections.Sum(s => s.Section.Count * s.Section.PointsEach);
    public bool Feasible => Sections.All(s => s.Feasible);
}
