using System.Security.Claims;
using CertPlatform.Web.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Lessons;

public sealed record CurriculumPageModel(Curriculum Curriculum, ContentCatalog Catalog, HashSet<string> Learned, IReadOnlyList<PartProgress> Progress, Lesson? Resume);
