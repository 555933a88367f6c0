using YamlDotNet.RepresentationModel;

namespace CertPlatform.BrowserTests.Infrastructure;

/// <summary>
/// A copy of the real content folder plus one lesson whose Markdown tries every usual way of running
/// script. It follows content/AUTHORING.md, so the site loads it (raw HTML only gives lint warnings).
/// </summary>
public static class TestContent
{
    public const string ProbeLessonId = "p1-xss-probe";
    public const string ProbeChapterId = "p1-xss-probe-chapter";
    public const string ProbeFile = "lessons/part1/xss-probe.md";
    public const string ProbePart = "part1";

    public const string ProbeMarkdown = """
        ---
        id: p1-xss-probe
        title: 安全探针（浏览器测试）
        objectives:
          - 确认课程正文中的脚本不会执行
          - 确认危险链接与事件属性被清除
        source: authored — browser test fixture, not part of the curriculum
        ---

        ## 探针 {#probe}

        正文开始。

        <script>window.__xss = 1</script>

        <img src=x onerror="window.__xss=2">

        [click me](javascript:window.__xss=3)

        <a href="javascript:window.__xss=4">raw link</a>

        <iframe src="javascript:window.__xss=5"></iframe>

        <svg onload="window.__xss=6">

        行内变体：<img src=x onerror="window.__xss=7"> 与 <a href="JaVaScRiPt:window.__xss=8">mixed case</a>。

        ## 要点小结 {#key-points}

        - 课程正文经过清理，脚本不会执行。
        """;

    private const string ProbeChapterYaml = """
              - id: p1-xss-probe-chapter
                title: 测试章节 安全探针
                objectives:
                  - 浏览器测试专用
                lessons:
                  - id: p1-xss-probe
                    file: lessons/part1/xss-probe.md

        """;

    /// <summary>Copies the repository's content into <paramref name="target"/> and adds the probe lesson.</summary>
    public static string CreateWithProbe(string target)
    {
        CopyDirectory(RepoPaths.Content, target);
        File.WriteAllText(Path.Combine(target, ProbeFile), ProbeMarkdown.Replace("\r\n", "\n") + "\n");

        var curriculumPath = Path.Combine(target, "curriculum.yaml");
        var lines = File.ReadAllLines(curriculumPath).ToList();
        var part1 = lines.FindIndex(l => l.TrimEnd() == $"  - id: {ProbePart}");
        if (part1 < 0) throw new InvalidOperationException($"curriculum.yaml: '  - id: {ProbePart}' not found");
        var nextPart = lines.FindIndex(part1 + 1, l => l.StartsWith("  - id: ", StringComparison.Ordinal));
        var nextTopLevel = lines.FindIndex(part1 + 1, l => l.Length > 0 && !char.IsWhiteSpace(l[0]) && !l.StartsWith('#'));
        var insertAt = nextPart >= 0 ? nextPart : nextTopLevel >= 0 ? nextTopLevel : lines.Count;
        lines.InsertRange(insertAt, ProbeChapterYaml.Replace("\r\n", "\n").TrimEnd('\n').Split('\n'));
        File.WriteAllLines(curriculumPath, lines);
        return target;
    }

    /// <summary>Lesson ids of one part in curriculum order, read straight from curriculum.yaml (not through the app).</summary>
    public static IReadOnlyList<string> LessonIds(string contentFolder, string partId)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(contentFolder, "curriculum.yaml")))
            yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var part = ((YamlSequenceNode)root.Children[new YamlScalarNode("parts")]).Children
            .Cast<YamlMappingNode>()
            .Single(p => ((YamlScalarNode)p.Children[new YamlScalarNode("id")]).Value == partId);
        return ((YamlSequenceNode)part.Children[new YamlScalarNode("chapters")]).Children
            .Cast<YamlMappingNode>()
            .SelectMany(c => ((YamlSequenceNode)c.Children[new YamlScalarNode("lessons")]).Children.Cast<YamlMappingNode>())
            .Select(l => ((YamlScalarNode)l.Children[new YamlScalarNode("id")]).Value!)
            .ToList();
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, dir)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)), overwrite: true);
    }
}
