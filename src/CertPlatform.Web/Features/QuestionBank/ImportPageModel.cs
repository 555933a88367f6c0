using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.QuestionBank;

public sealed record ImportPageModel(ImportSummary? Preview, IReadOnlyList<Lesson> Lessons);
