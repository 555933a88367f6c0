using CertPlatform.Web.Content;

namespace CertPlatform.Web.Features.Lessons;

public sealed record SearchPageModel(string Query, IReadOnlyList<SearchHit> Hits, bool TooShort);
