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

/// <summary>
/// One part of the item as the examiner reads it: the essay itself, or each sub-question of a case. Scores
/// are in paper points (the question's own points scaled to what the paper gives it).
/// </summary>
public sealed record GradePart(string Label, string Stem, bool Manual, string Rubric, decimal Max, string Answer, bool Answered, decimal? AutoScore);
