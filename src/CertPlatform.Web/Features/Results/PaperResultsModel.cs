using System.Globalization;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Results;

public sealed record PaperResultsModel(Paper Paper, IReadOnlyList<AttemptRow> Rows, int Total, int Page, int Pages);
