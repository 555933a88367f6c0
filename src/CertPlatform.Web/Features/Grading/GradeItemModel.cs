using System.Globalization;
using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Features.Results;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.Web.Features.Grading;

public sealed record GradeItemModel(
    string Token, string Number, string PaperTitle, string QuestionId, int Version, string QuestionType, string Scenario, string Stem,
    decimal Points, decimal AutoScore, decimal ManualMax, IReadOnlyList<GradePart> Parts,
    bool Waiting, decimal? ManualScore, string ManualComment, int QueueCount);
