using Microsoft.AspNetCore.Mvc;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// How a question image is sent: only sniffed image types are ever served, and the response also forbids scripts and
/// framing (in case a browser misreads one) and is shown inline.
/// </summary>
public static class ImageResponses
{
    public static FileContentResult Serve(HttpResponse response, byte[] bytes, string contentType, string cacheControl)
    {
        response.Headers.CacheControl = cacheControl;
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.ContentDisposition = "inline";
        return new FileContentResult(bytes, contentType);
    }
}
