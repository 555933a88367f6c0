using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.QuestionBank;

public sealed record ExportSkippedModel(BankFormat Format, int Written, IReadOnlyList<Formats.ExportSkip> Skipped, string DownloadUrl);
