using Microsoft.AspNetCore.Http.Metadata;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// Declares a lean endpoint's JSON request body for the OpenAPI document only. <c>.Accepts&lt;T&gt;("application/json")</c>
/// would also let routing refuse other content types with 415 — before authentication, so an anonymous caller
/// would get 415 instead of 401 (the route × role matrix). With no content types listed, routing ignores it;
/// the endpoint itself checks the content type after authorization and antiforgery, as MVC did.
/// </summary>
public sealed class JsonBodyMetadata(Type requestType) : IAcceptsMetadata
{
    public IReadOnlyList<string> ContentTypes => [];
    public Type? RequestType => requestType;
    public bool IsOptional => false;
}
