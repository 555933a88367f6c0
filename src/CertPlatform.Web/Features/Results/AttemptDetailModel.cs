using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Exams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Exams;

namespace CertPlatform.Web.Features.Results;

public sealed record AttemptDetailModel(
    Attempt Attempt, Paper Paper, string FullName, string? EmployeeNumber, string Organization, string Department,
    AttemptReportModel Report, IReadOnlyList<DetailQuestion> Questions, IReadOnlyList<AttemptEvent> Events);
