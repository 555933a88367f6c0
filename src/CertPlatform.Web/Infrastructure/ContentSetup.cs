using CertPlatform.Web.Content;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// The content folder of "Content:Path": the one reader for code that runs before the container is built (content,
    /// certificate template, mail templates). A configured folder that is not usable stops start-up naming the key.
    /// </summary>
    /// <exception cref="OptionsValidationException">Content:Path names a folder that does not exist or has no curriculum.</exception>
    public static string ContentRoot(IConfiguration config, string startDirectory)
    {
        var options = config.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        if (options.Problem(startDirectory) is { } problem)
            throw new OptionsValidationException(Options.DefaultName, typeof(ContentOptions), [problem]);
        return options.Root(startDirectory);
    }

    public static IServiceCollection AddContent(this IServiceCollection services, IConfiguration config, string contentRoot, ILogger? logger = null)
    {
        var root = ContentRoot(config, contentRoot);
        services.AddOptions<ContentOptions>().Bind(config.GetSection(ContentOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ContentOptions>>(new ContentOptionsValidator(contentRoot));
        var result = new ContentLoader().Load(root);
        foreach (var w in result.Warnings) logger?.LogWarning("Content {Problem}", w.ToString());
        if (!result.Ok) throw new ContentInvalidException(result.Errors.ToList());
        var catalog = new ContentCatalog(result.Curriculum!, result.Lessons, root, result.Questions);
        services.AddSingleton(catalog);
        return services;
    }
}
