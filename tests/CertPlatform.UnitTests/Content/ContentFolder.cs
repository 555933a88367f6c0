namespace CertPlatform.UnitTests.Content;

/// <summary>A throw-away content folder built file by file for loader and lint tests.</summary>
public sealed class ContentFolder : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "certplatform-content-" + Guid.NewGuid().ToString("N"));

    public ContentFolder() => Directory.CreateDirectory(Root);

    public ContentFolder File(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text.Replace("\r\n", "\n"));
        return this;
    }

    /// <summary>A curriculum with one part and one chapter listing the given (id, file) lessons.</summary>
    public ContentFolder Curriculum(params (string Id, string File)[] lessons)
    {
        var lines = new List<string>
        {
            "title: 测试课程", "parts:", "  - id: part1", "    title: 第一部分", "    weight: 100", "    chapters:",
            "      - id: ch1", "        title: 第一节", "        objectives:", "          - 目标", "        lessons:",
        };
        foreach (var (id, file) in lessons)
        {
            lines.Add($"          - id: {id}");
            lines.Add($"            file: {file}");
            lines.Add("            topics: [主题一]");
        }
        lines.Add("coverage:");
        lines.Add("  - 主题一");
        return File("curriculum.yaml", string.Join('\n', lines) + "\n");
    }

    public static string Lesson(string id, string body = "## 正文 {#body}\n\n内容。\n", string? extraFrontMatter = null) =>
        $"---\nid: {id}\ntitle: 课程{id}\nobjectives:\n  - 目标一\n  - 目标二\nsource: textbook 第一部分 第一节 一\n{extraFrontMatter}---\n\n{body}\n## 要点小结 {{#key-points}}\n\n- 要点\n";

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { }
    }
}
