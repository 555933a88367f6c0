using CertPlatform.Web.Content;

namespace CertPlatform.Web.Features.Lessons;

public sealed record CurriculumPageModel(Curriculum Curriculum, ContentCatalog Catalog, HashSet<string> Learned, IReadOnlyList<PartProgress> Progress, Lesson? Resume);
