using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.Web.Features.Papers;

public sealed record PaperSummary(Paper Paper, IReadOnlyList<SectionFeasibility> Sections)
{
    public decimal TotalPoints => Sections.Sum(s => s.Section.Count * s.Section.PointsEach);
    public bool Feasible => Sections.All(s => s.Feasible);
}
