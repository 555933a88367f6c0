using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// A request over Kestrel's body limit or the form limits (value count, key/value/multipart length)
/// is answered 413 with the error page (or problem+json for JSON clients), never 500. Reading the body
/// throws <see cref="BadHttpRequestException"/> (with the status Kestrel chose) or, from the form
/// reader, <see cref="InvalidDataException"/>; a Content-Length already over the limit is refused
/// before anything is read.
/// </summary>
public static class RequestLimits
{
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            // (Not when the error page re-executes the refused request: it must be able to render.)
            if (limit is { } max && context.Request.ContentLength > max
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            {
                await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge);
                return;
            }
            try
            {
                await next();
            }
            catch (Exception e) when (!context.Response.HasStarted && StatusFor(e, context.Request) is { } status)
            {
                await RefuseAsync(context, status);
            }
        });

    /// <summary>The status for a body that could not be read (also when wrapped, e.g. by model binding); null for anything else.</summary>
    public static int? StatusFor(Exception e, HttpRequest request)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is BadHttpRequestException bad) return bad.StatusCode;
            if (x is InvalidDataException && request.HasFormContentType) return StatusCodes.Status413PayloadTooLarge;
        }
        return null;
    }

    public static async Task RefuseAsync(HttpContext context, int status)
    {
        context.Response.Clear();
        // The error page re-executes this request: give it an empty form instead of the unreadable body.
        if (context.Request.HasFormContentType) context.Request.Form = FormCollection.Empty;
        // The client may still be sending: do not keep the connection for the rest of it.
        context.Response.Headers.Connection = "close";
        if (JsonClients.Wants(context.Request))
        {
            var L = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await JsonClients.WriteProblemAsync(context, status, status == StatusCodes.Status413PayloadTooLarge
                ? L["请求内容太大（文件过大或表单字段过多），服务器没有处理。"] : L["请求无效，请返回后重试。"]);
        }
        else context.Response.StatusCode = status; // the status-code page (/error/413) explains it
    }
}
