using System.Security.Claims;
using CertPlatform.Web.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Lessons;

public sealed record LessonPageModel(Lesson Lesson, CurriculumPart Part, CurriculumChapter Chapter, Lesson? Previous, Lesson? Next, bool Learned, int Position, int Count);
