using CertPlatform.Web.Content;

namespace CertPlatform.Web.Infrastructure;

public static class ContentSetup
{
    /// <summary>Finds the content folder: the configured path, or the nearest ./content with a curriculum.yaml.</summary>
    public static string ResolveContentRoot(string? configured, string startDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(startDirectory, configured));
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "content");
            if (File.Exists(System.IO.Path.Combine(candidate, ContentLoader.CurriculumFile))) return candidate;
        }
        return System.IO.Path.GetFullPath(System.IO.Path.Combine(startDirectory, "content"));
    }

    public static IServiceCollection AddContent(this IServiceCollection services, IConfiguration config, string contentRoot, ILogger? logger = null)
    {
        var root = ResolveContentRoot(config[$"{ContentOptions.Section}:Path"], contentRoot);
        var result = new ContentLoader().Load(root);
        foreach (var w in result.Warnings) logger?.LogWarning("Content {Problem}", w.ToString());
        if (!result.Ok) throw new ContentInvalidException(result.Errors.ToList());
        var catalog = new ContentCatalog(result.Curriculum!, result.Lessons, root, result.Questions);
        services.AddSingleton(catalog);
        return services;
    }
}
