using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.QuestionBank;

public sealed record DiffLine(char Kind, string Text);
