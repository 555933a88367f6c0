namespace CertPlatform.Web.Features.Exams.Contract;

/// <summary>200 body of <c>GET /api/antiforgery</c>: the token to send in the header named <see cref="HeaderName"/> with every unsafe request.</summary>
public sealed record AntiforgeryToken(string Token, string HeaderName);
