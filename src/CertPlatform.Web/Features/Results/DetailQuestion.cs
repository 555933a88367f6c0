using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Exams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Exams;

namespace CertPlatform.Web.Features.Results;

public sealed record DetailQuestion(ReportItem Item, string Type, string StemExcerpt, string Answer, string? GradedBy);
