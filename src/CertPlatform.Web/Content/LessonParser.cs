using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.RepresentationModel;

namespace CertPlatform.Web.Content;

/// <summary>Parses one lesson file (front matter + Markdown), renders and sanitises it.</summary>
public sealed partial class LessonParser
{
    public const string KeyPointsAnchor = "key-points";
    public const string LessonLinkScheme = "lesson:";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\{#([^}\s]*)\}\s*$")]
    private static partial Regex ExplicitAnchor();

    [GeneratedRegex(@"^(textbook\+authored|textbook|authored|course)\b")]
    private static partial Regex SourcePattern();

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    /// <summary>Sanitiser shared by everything that renders authored or imported Markdown.</summary>
    public static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedAttributes.Add("id");
        s.AllowedAttributes.Remove("style");
        s.AllowedSchemes.Add("mailto");
        s.AllowedTags.Remove("form");
        return s;
    }

    public LessonParseResult Parse(string file, string text)
    {
        var errors = new List<ContentError>();
        var links = new List<LessonLink>();
        text = text.Replace("\r\n", "\n");
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var lines = text.Split('\n');

        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            errors.Add(new(file, 1, "missing front matter: the file must start with a '---' line"));
            return new(null, errors, links);
        }
        var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (close < 0)
        {
            errors.Add(new(file, 1, "front matter is not closed: add a '---' line after it"));
            return new(null, errors, links);
        }

        var yamlText = string.Join('\n', lines[1..close]);
        var root = YamlNodes.Parse(yamlText, 1, out var yamlError, file);
        if (yamlError is not null)
        {
            errors.Add(yamlError);
            return new(null, errors, links);
        }
        if (root is not YamlMappingNode fm)
        {
            errors.Add(new(file, 2, "front matter must be a YAML mapping (key: value lines)"));
            return new(null, errors, links);
        }

        int LineOfKey(string key) => fm.Get(key) is { } n ? YamlNodes.LineOf(n, 1) : 2;

        var id = fm.Scalar("id");
        var title = fm.Scalar("title");
        var source = fm.Scalar("source");
        var objectives = fm.ScalarList("objectives");
        if (id is null) errors.Add(new(file, 2, "front matter: missing 'id'"));
        else if (!IsValidId(id)) errors.Add(new(file, LineOfKey("id"), $"front matter: id '{id}' must be lower-case ASCII letters, digits and '-'"));
        if (title is null) errors.Add(new(file, 2, "front matter: missing 'title'"));
        if (source is null) errors.Add(new(file, 2, "front matter: missing 'source' (provenance, e.g. 'textbook 第一部分 第一节 一' or 'authored — …')"));
        else if (!SourcePattern().IsMatch(source)) errors.Add(new(file, LineOfKey("source"), "front matter: 'source' must start with textbook, textbook+authored, authored or course"));
        if (objectives is null || objectives.Count == 0) errors.Add(new(file, LineOfKey("objectives"), "front matter: 'objectives' must be a non-empty list of learning objectives"));
        int? minutes = null;
        if (fm.Scalar("minutes") is { } m)
        {
            if (int.TryParse(m, out var mm) && mm > 0) minutes = mm;
            else errors.Add(new(file, LineOfKey("minutes"), "front matter: 'minutes' must be a positive whole number"));
        }

        var bodyFirstLine = close + 2; // 1-based line number of the first body line
        var body = string.Join('\n', lines[(close + 1)..]);
        var doc = Markdown.Parse(body, Pipeline);

        var sections = new List<LessonSection>();
        var seenAnchors = new Dictionary<string, int>();
        foreach (var heading in doc.Descendants<HeadingBlock>())
        {
            var line = bodyFirstLine + heading.Line;
            var rawLine = lines[line - 1];
            var headingText = InlineText(heading.Inline);
            if (heading.Level == 1)
            {
                errors.Add(new(file, line, "level-1 heading in the body: the title comes from front matter; use '##' for sections"));
                continue;
            }
            var explicitAnchor = ExplicitAnchor().Match(rawLine);
            string? anchor = explicitAnchor.Success ? explicitAnchor.Groups[1].Value : null;
            if (anchor is null)
            {
                if (heading.Level == 2)
                    errors.Add(new(file, line, $"section '{headingText}' has no anchor: end the heading with {{#some-anchor}}"));
                continue;
            }
            if (!IsValidId(anchor))
            {
                errors.Add(new(file, line, $"anchor '{anchor}' must be lower-case ASCII letters, digits and '-'"));
                continue;
            }
            if (seenAnchors.TryGetValue(anchor, out var firstLine))
            {
                errors.Add(new(file, line, $"duplicate anchor '{anchor}' (first used on line {firstLine})"));
                continue;
            }
            seenAnchors[anchor] = line;
            sections.Add(new(heading.Level, headingText, anchor, line));
        }
        if (!seenAnchors.ContainsKey(KeyPointsAnchor))
            errors.Add(new(file, Math.Max(lines.Length - 1, 1), "missing key-points summary: end the lesson with '## 要点小结 {#key-points}'"));

        foreach (var link in doc.Descendants<LinkInline>())
        {
            if (link.Url is null || !link.Url.StartsWith(LessonLinkScheme, StringComparison.OrdinalIgnoreCase)) continue;
            var target = link.Url[LessonLinkScheme.Length..];
            var hash = target.IndexOf('#');
            var targetId = hash < 0 ? target : target[..hash];
            var targetAnchor = hash < 0 ? null : target[(hash + 1)..];
            links.Add(new(file, bodyFirstLine + link.Line, targetId, string.IsNullOrEmpty(targetAnchor) ? null : targetAnchor));
            link.Url = "/lessons/" + Uri.EscapeDataString(targetId) + (targetAnchor is null ? "" : "#" + Uri.EscapeDataString(targetAnchor));
        }

        foreach (var block in doc.Descendants<HtmlBlock>())
            errors.Add(new(file, bodyFirstLine + block.Line, "raw HTML block: it is removed or neutralised by the sanitiser; use Markdown instead", IsWarning: true));
        foreach (var inline in doc.Descendants<HtmlInline>())
            errors.Add(new(file, bodyFirstLine + inline.Line, "raw inline HTML: it is removed or neutralised by the sanitiser; use Markdown instead", IsWarning: true));

        if (errors.Any(e => !e.IsWarning))
            return new(null, errors, links);

        var html = RenderSanitised(doc);
        var lesson = new Lesson
        {
            Id = id!,
            Title = title!,
            Objectives = objectives!,
            Source = source!,
            Minutes = minutes,
            File = file,
            Html = html,
            Sections = sections,
            TextBySection = SplitPlainText(body, sections.Where(s => s.Level == 2).ToList(), bodyFirstLine),
        };
        return new(lesson, errors, links);
    }

    /// <summary>Renders Markdown (authored or imported) to HTML that is safe to put in a page.</summary>
    public string RenderMarkdown(string markdown) => RenderSanitised(Markdown.Parse(markdown, Pipeline));

    private string RenderSanitised(MarkdownDocument doc)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(doc);
        writer.Flush();
        return _sanitizer.Sanitize(writer.ToString());
    }

    private static List<(string, string, string)> SplitPlainText(string body, List<LessonSection> h2, int bodyFirstLine)
    {
        var bodyLines = body.Split('\n');
        var result = new List<(string, string, string)>();
        // Text before the first section belongs to the lesson introduction.
        var cuts = h2.Select(s => (Start: s.Line - bodyFirstLine, s.Anchor, s.Title)).ToList();
        var introEnd = cuts.Count > 0 ? cuts[0].Start : bodyLines.Length;
        AddSegment("", "", 0, introEnd);
        for (var i = 0; i < cuts.Count; i++)
        {
            var end = i + 1 < cuts.Count ? cuts[i + 1].Start : bodyLines.Length;
            AddSegment(cuts[i].Anchor, cuts[i].Title, cuts[i].Start + 1, end);
        }
        return result;

        void AddSegment(string anchor, string heading, int from, int to)
        {
            if (to <= from) return;
            var md = string.Join('\n', bodyLines[from..to]);
            var text = Markdown.ToPlainText(md, Pipeline);
            text = Regex.Replace(text, @"\{#[a-z0-9-]+\}", "");
            text = Regex.Replace(text, @"\s+", " ").Trim();
            if (text.Length > 0 || heading.Length > 0) result.Add((anchor, heading, text));
        }
    }

    internal static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var parts = new List<string>();
        foreach (var child in inline.Descendants<LiteralInline>()) parts.Add(child.Content.ToString());
        foreach (var code in inline.Descendants<CodeInline>()) parts.Add(code.Content);
        return ExplicitAnchor().Replace(string.Concat(parts), "").Trim();
    }
}
