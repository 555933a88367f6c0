namespace CertPlatform.Web.Features.Exams.Contract;

/// <summary>Body of <c>POST /api/attempts/{attemptId}/events</c>: <c>focus-lost</c>, <c>tab-hidden</c> or <c>focus-back</c>, with an optional detail (first 200 characters kept).</summary>
public sealed record EventRequest(string Kind, string? Detail);
