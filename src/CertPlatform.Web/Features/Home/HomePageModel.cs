using CertPlatform.Web.Content;
using CertPlatform.Web.Features.Lessons;

namespace CertPlatform.Web.Features.Home;

public sealed record HomePageModel(bool SignedIn, Lesson? Resume, IReadOnlyList<PartProgress> Progress, int LessonCount);
