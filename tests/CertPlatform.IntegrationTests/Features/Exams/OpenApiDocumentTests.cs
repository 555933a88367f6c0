using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CertPlatform.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Features.Exams;

/// <summary>The OpenAPI document at /openapi/v1.json lists every /api route the app maps, with its methods and typed bodies.</summary>
public sealed partial class OpenApiDocumentTests(SharedApp app) : IClassFixture<SharedApp>
{
    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public async Task The_document_lists_every_api_route_and_method()
    {
        var response = await app.Factory.NewClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.JsonAsync())["paths"]!.AsObject();

        var routes = ApiRoutes();
        Assert.True(routes.Count >= 7, $"only {routes.Count} /api routes found");
        var missing = routes.Where(r => paths[r.Path] is not JsonObject ops || ops[r.Method] is null).ToList();
        Assert.True(missing.Count == 0, "not in the OpenAPI document: " + string.Join(", ", missing));

        // The typed records show up as schemas, e.g. the save request with its baseSeq and the 409 body.
        var save = paths["/api/attempts/{attemptId}/answers/{questionRef}"]!["put"]!;
        Assert.NotNull(save["requestBody"]);
        Assert.NotNull(save["responses"]!["409"]);
        var document = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"SaveAnswerRequest\"", document);
        Assert.Contains("\"baseSeq\"", document);
        Assert.Contains("\"AnswerConflict\"", document);
    }

    /// <summary>Every /api route the app maps, with its methods (lower case) and parameters without constraints.</summary>
    private List<(string Path, string Method)> ApiRoutes() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Path: "/" + RouteParameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), "{$1}"), Method: m.ToLowerInvariant())))
            .ToList();

    [Fact]
    public void Docs_api_md_describes_every_api_route_and_no_route_the_app_does_not_map()
    {
        var doc = File.ReadAllText(Path.Combine(ServerProcess.RepositoryRoot(), "docs", "api.md"));
        var documented = DocumentedRoute().Matches(doc).Select(m => (Path: m.Groups["path"].Value, Method: m.Groups["method"].Value.ToLowerInvariant())).ToList();
        var routes = ApiRoutes();
        Assert.True(routes.Count >= 7, $"only {routes.Count} /api routes found");
        Assert.Empty(routes.Except(documented));
        Assert.Empty(documented.Except(routes));
    }

    /// <summary>An endpoint heading in docs/api.md: ### `PUT /api/attempts/{attemptId}/answers/{questionRef}`.</summary>
    [GeneratedRegex(@"^### `(?<method>GET|POST|PUT|DELETE|PATCH) (?<path>/api/[^`\s]+)`", RegexOptions.Multiline)]
    private static partial Regex DocumentedRoute();
}
