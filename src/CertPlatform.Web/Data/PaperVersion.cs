namespace CertPlatform.Web.Data;

/// <summary>
/// One version of a paper: a save that changed what the paper certifies (questions, blueprint, pass mark, time, review
/// options …) makes a new version. <see cref="AuthorId"/> is who saved it; the authors of a paper are the authors of all
/// its versions.
/// </summary>
public sealed class PaperVersion
{
    public required string PaperId { get; set; }
    public int Version { get; set; }
    /// <summary>User id, or <see cref="SystemAuthor"/> for seeded content.</summary>
    public required string AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTimeOffset SavedAt { get; set; }

    /// <summary>The seeding administrator: authors and approves the content the platform ships with.</summary>
    public const string SystemAuthor = "system";
}
