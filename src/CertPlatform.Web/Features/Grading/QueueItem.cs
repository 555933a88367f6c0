using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Results;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.Web.Features.Grading;

/// <summary>An item waiting for an examiner, as the queue shows it: no candidate, no attempt id.</summary>
public sealed record QueueItem(string Token, string Number, decimal ManualMax);
