using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// Reads a posted form before the antiforgery check, so a form over the limits is answered 413
/// (<see cref="RequestLimits.RefuseAsync"/>) instead of the antiforgery filter's bare 400. Runs after
/// the per-action <c>[RequestSizeLimit]</c> / <c>[RequestFormLimits]</c> filters (order 900), so their
/// limits apply, and before antiforgery (order 1000); the form read here is the one MVC binds later.
/// </summary>
public sealed class FormLimitsFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) return;
        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (RequestLimits.StatusFor(e, request) is { } status)
        {
            await RequestLimits.RefuseAsync(context.HttpContext, status);
            context.Result = new EmptyResult();
        }
    }
}
