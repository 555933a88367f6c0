using CertPlatform.Web.Content;

namespace CertPlatform.Web.Infrastructure;

/// <summary>Configuration section "Content"; read through <see cref="ContentSetup.ContentRoot"/>, checked at start-up.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";
    public const string PathKey = Section + ":" + nameof(Path);

    /// <summary>Folder holding curriculum.yaml; relative to the content root. Empty: look for ./content upwards.</summary>
    public string? Path { get; set; }

    /// <summary>The content folder (<see cref="ContentSetup.ResolveContentRoot"/>) for an app started in <paramref name="startDirectory"/>.</summary>
    public string Root(string startDirectory) => ContentSetup.ResolveContentRoot(Path, startDirectory);

    /// <summary>A configured folder without a curriculum, as a message naming the key; null when usable (an unset path is checked by the content loader).</summary>
    public string? Problem(string startDirectory)
    {
        if (string.IsNullOrWhiteSpace(Path)) return null;
        var root = Root(startDirectory);
        if (!Directory.Exists(root)) return $"Configuration '{PathKey}' is '{Path}': the folder '{root}' does not exist.";
        return File.Exists(System.IO.Path.Combine(root, ContentLoader.CurriculumFile))
            ? null
            : $"Configuration '{PathKey}' is '{Path}': the folder '{root}' has no {ContentLoader.CurriculumFile}.";
    }
}
