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

/// <summary>How many finished attempts were graded against one version of the question.</summary>
public sealed record RegradeVersionRow(int Version, int Attempts, bool IsCurrent);
