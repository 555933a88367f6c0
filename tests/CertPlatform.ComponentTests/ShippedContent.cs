using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.ComponentTests;

/// <summary>The repository's content/ folder, loaded once for all component tests.</summary>
public static class ShippedContent
{
    public static ContentCatalog Catalog { get; } = Load();

    public static Question Question(string id) => Catalog.Questions.Single(b => b.Question.Id == id).Question;

    private static ContentCatalog Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CertPlatform.sln"))) dir = dir.Parent;
        var root = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "content");
        var result = new ContentLoader().Load(root);
        if (!result.Ok) throw new InvalidOperationException(string.Join("\n", result.Errors));
        return new ContentCatalog(result.Curriculum!, result.Lessons, root, result.Questions);
    }
}
