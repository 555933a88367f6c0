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

public sealed record QueueModel(IReadOnlyList<QueueGroup> Groups)
{
    public int Total => Groups.Sum(g => g.Items.Count);
}
