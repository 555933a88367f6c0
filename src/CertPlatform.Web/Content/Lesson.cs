namespace CertPlatform.Web.Content;

/// <summary>A lesson file parsed and rendered: front matter, sanitised HTML and plain text for search.</summary>
public sealed class Lesson
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> Objectives { get; init; }
    public required string Source { get; init; }
    public int? Minutes { get; init; }
    public required string File { get; init; }
    public required string Html { get; init; }
    public required IReadOnlyList<LessonSection> Sections { get; init; }
    /// <summary>Plain text per section (anchor → text), used by search and snippets.</summary>
    public required IReadOnlyList<(string Anchor, string Heading, string Text)> TextBySection { get; init; }

    public string PartId { get; internal set; } = "";
    public string ChapterId { get; internal set; } = "";
    public IReadOnlyList<string> Topics { get; internal set; } = [];

    public ProvenanceKind Provenance => Source switch
    {
        _ when Source.StartsWith("textbook+authored", StringComparison.Ordinal) => ProvenanceKind.TextbookAndAuthored,
        _ when Source.StartsWith("textbook", StringComparison.Ordinal) => ProvenanceKind.Textbook,
        _ when Source.StartsWith("course", StringComparison.Ordinal) => ProvenanceKind.CourseOutline,
        _ => ProvenanceKind.Authored,
    };

    /// <summary>The source line without its provenance keyword ("textbook 第一部分 第一节 一" → "第一部分 第一节 一").</summary>
    public string SourceDetail
    {
        get
        {
            var rest = Source;
            foreach (var prefix in new[] { "textbook+authored", "textbook", "authored", "course" })
                if (rest.StartsWith(prefix, StringComparison.Ordinal)) { rest = rest[prefix.Length..]; break; }
            return rest.TrimStart(' ', '—', '-', '–', ':', '：');
        }
    }

    public bool HasAnchor(string anchor) => Sections.Any(s => s.Anchor == anchor);
}
