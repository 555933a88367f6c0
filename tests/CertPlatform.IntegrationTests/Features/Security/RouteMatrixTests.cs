using System.Security.Claims;
using System.Text;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Features.Security;

/// <summary>
/// The role × route matrix, generated from the app's endpoint table: every endpoint must declare who
/// may call it, each role gets exactly what the declaration says, and the whole matrix is kept in
/// <c>route-matrix.txt</c> beside this file so that any change of access shows up in review
/// (regenerate with <c>UPDATE_ROUTE_MATRIX=1</c>).
/// </summary>
public sealed class RouteMatrixTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;

    /// <summary>"anonymous" plus every role, in the matrix's column order.</summary>
    private static readonly string[] Callers = ["anonymous", Roles.Trainee, Roles.Examiner, Roles.HR, Roles.Admin, Roles.CertificationManager];

    private sealed record Route(string Method, string Pattern, string Url, RouteEndpoint Endpoint)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    private IReadOnlyList<Route> Routes() => Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m =>
            new Route(m, "/" + e.RoutePattern.RawText!.TrimStart('/'), SampleUrl(e), e)))
        .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal).ToList();

    /// <summary>The pattern with every parameter filled in (numbers where a constraint asks for one).</summary>
    private static string SampleUrl(RouteEndpoint e)
    {
        var url = new StringBuilder();
        foreach (var segment in e.RoutePattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
                url.Append(part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart s => s.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p => SampleValue(e, p.Name),
                    _ => "",
                });
        }
        return url.Length == 0 ? "/" : url.ToString();
    }

    private static string SampleValue(RouteEndpoint e, string parameter)
    {
        var constraints = e.RoutePattern.ParameterPolicies.TryGetValue(parameter, out var policies) ? policies.Select(x => x.Content ?? "").ToList() : [];
        if (constraints.Any(c => c is "int" or "long")) return "1";
        if (constraints.Contains("guid")) return "00000000-0000-0000-0000-000000000001";
        if (constraints.Any(c => c.Contains("{64}") || c.Contains("{{64}}"))) return new string('0', 64);
        return "sample";
    }

    [Fact]
    public void Every_endpoint_declares_a_policy_or_allows_anonymous_access()
    {
        var routes = Routes();
        Assert.True(routes.Count > 50, $"only {routes.Count} endpoints found");
        var undeclared = routes.Where(r => r.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null && r.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(r => r.ToString()).ToList();
        Assert.True(undeclared.Count == 0, "endpoints without [Authorize(...)] or [AllowAnonymous]:\n" + string.Join("\n", undeclared));
    }

    /// <summary>What the declarations say, evaluated by the app's own authorization service for a user in that role.</summary>
    private async Task<bool> DeclaredAllowedAsync(RouteEndpoint endpoint, string caller)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return true;
        if (caller == "anonymous") return false;
        var policy = await AuthorizationPolicy.CombineAsync(
            Factory.Services.GetRequiredService<IAuthorizationPolicyProvider>(), endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u"), new Claim(ClaimTypes.Role, caller)], "test"));
        return (await Factory.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, policy!)).Succeeded;
    }

    private async Task<Dictionary<string, HttpClient>> ClientsAsync()
    {
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = Factory.NewClient() };
        foreach (var role in Roles.All) clients[role] = await Factory.AUser(role);
        return clients;
    }

    private static bool IsApi(Route r) => r.Pattern.StartsWith("/api/", StringComparison.Ordinal);

    [Fact]
    public async Task Each_role_gets_exactly_what_each_endpoint_declares()
    {
        var clients = await ClientsAsync();
        var problems = new List<string>();
        var matrix = new StringBuilder("# method pattern: anonymous Trainee Examiner HR Admin CertificationManager (+ allowed, - refused)\n");
        foreach (var route in Routes())
        {
            var row = new StringBuilder();
            foreach (var caller in Callers)
            {
                var allowed = await DeclaredAllowedAsync(route.Endpoint, caller);
                row.Append(allowed ? " +" : " -");
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url);
                if (route.Method is "POST" or "PUT" or "PATCH") request.Content = new FormUrlEncodedContent([]);
                var response = await clients[caller].SendAsync(request);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.ToString() ?? "";
                var sentToLogin = status == 302 && location.Contains("/account/login");
                var sentAway = status == 302 && location.Contains("/account/access-denied");
                var got = $"{caller} got {status} {location}".Trim();
                // Pages refuse with a redirect (to the login, or to the access-denied page, which answers 403); the API with 401/403.
                var refused = IsApi(route) ? status is 401 or 403 : sentToLogin || sentAway;
                if (status >= 500) problems.Add($"{route}: {got} (a server error for a request anyone can send)");
                else if (allowed && refused)
                    problems.Add($"{route}: {caller} should be allowed but {got}");
                else if (!allowed && caller == "anonymous" && !(IsApi(route) ? status == 401 : sentToLogin))
                    problems.Add($"{route}: anonymous should get {(IsApi(route) ? "401" : "302 to the login")} but {got}");
                else if (!allowed && caller != "anonymous" && !(IsApi(route) ? status == 403 : sentAway))
                    problems.Add($"{route}: {caller} should get 403 (the access-denied page) but {got}");
            }
            matrix.Append(route).Append(':').Append(row).Append('\n');
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        RouteMatrixFile.Check(matrix.ToString());
    }
}
