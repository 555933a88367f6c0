using System.Security.Claims;
using Serilog;

namespace CertPlatform.Web.Infrastructure.Telemetry;

/// <summary>
/// Exam requests (pages under /exams/attempt/{attemptId} and the /api/attempts/{attemptId}/… endpoints: answers, flags,
/// events, submit) log within a scope carrying <c>AttemptId</c> and <c>UserId</c>, so every record they cause — the
/// endpoint's, MVC's, EF Core's, the app's own — can be found by attempt in the JSON logs, whichever instance served it.
/// The request's summary line (Serilog request logging) carries both as well. Runs after routing and authentication.
/// </summary>
public static class AttemptLogScope
{
    public const string AttemptIdProperty = "AttemptId";
    public const string UserIdProperty = "UserId";
    private const string RouteKey = "attemptId";

    public static IApplicationBuilder UseAttemptLogScope(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AttemptLogScope).FullName!);
        return app.Use(async (context, next) =>
        {
            if (context.GetRouteValue(RouteKey) is not string attemptId)
            {
                await next(context);
                return;
            }
            var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            if (context.RequestServices.GetService<IDiagnosticContext>() is { } summary)
            {
                summary.Set(AttemptIdProperty, attemptId);
                summary.Set(UserIdProperty, userId);
            }
            using (log.BeginScope(new Dictionary<string, object> { [AttemptIdProperty] = attemptId, [UserIdProperty] = userId }))
                await next(context);
        });
    }
}
