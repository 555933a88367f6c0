namespace CertPlatform.Web.Features.Analytics;

public sealed record CohortFilter(DateOnly? From, DateOnly? To, string? Organization);
