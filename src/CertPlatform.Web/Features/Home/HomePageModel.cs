using System.Security.Claims;
using CertPlatform.Web.Content;
using CertPlatform.Web.Features.Lessons;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CertPlatform.Web.Features.Home;

public sealed record HomePageModel(bool SignedIn, Lesson? Resume, IReadOnlyList<PartProgress> Progress, int LessonCount);
