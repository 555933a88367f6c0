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

/// <summary>What a regrade did: attempts regraded, whose score or verdict changed, who crossed the pass mark.</summary>
public sealed record RegradeOutcome(int CurrentVersion, int Regraded, int Changed, int PassCrossed);
