using System.Globalization;
using System.Security.Claims;
using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Features.Results;
using Microsoft.EntityFrameworkCore;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Exams;

namespace CertPlatform.Web.Features.Grading;

public sealed record RegradePageModel(string QuestionId, string QuestionType, string StemExcerpt, int CurrentVersion, IReadOnlyList<RegradeVersionRow> Versions)
{
    /// <summary>Finished attempts graded against an earlier version: what a regrade would touch.</summary>
    public int Outdated => Versions.Where(v => !v.IsCurrent).Sum(v => v.Attempts);
}
