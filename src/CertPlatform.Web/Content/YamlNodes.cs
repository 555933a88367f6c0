using YamlDotNet.RepresentationModel;

namespace CertPlatform.Web.Content;

/// <summary>Small helpers to read YAML nodes while keeping line numbers for error messages.</summary>
internal static class YamlNodes
{
    public static int LineOf(YamlNode node, int lineOffset) => (int)node.Start.Line + lineOffset;

    public static YamlNode? Get(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Scalar(this YamlMappingNode map, string key) =>
        map.Get(key) is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value) ? s.Value!.Trim() : null;

    /// <summary>A list of scalars, or null when the key is missing or not a sequence of scalars.</summary>
    public static List<string>? ScalarList(this YamlMappingNode map, string key)
    {
        if (map.Get(key) is not YamlSequenceNode seq) return null;
        var list = new List<string>();
        foreach (var item in seq.Children)
        {
            if (item is not YamlScalarNode s || string.IsNullOrWhiteSpace(s.Value)) return null;
            list.Add(s.Value!.Trim());
        }
        return list;
    }

    /// <summary>Parses a YAML document; on a syntax error returns null and the 1-based line of the error.</summary>
    public static YamlNode? Parse(string text, int lineOffset, out ContentError? error, string file)
    {
        error = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            var line = (int)ex.Start.Line + lineOffset;
            var message = ex.InnerException?.Message ?? ex.Message;
            error = new ContentError(file, Math.Max(line, 1), $"invalid YAML: {FirstLine(message)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way on some unterminated flow collections; point at the likely line.
            error = new ContentError(file, SuspiciousLine(text) + lineOffset,
                "invalid YAML: unterminated [ ], { } or quotes");
            return null;
        }
    }

    /// <summary>The first line whose brackets or quotes do not balance (1-based), or 1.</summary>
    internal static int SuspiciousLine(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var l = lines[i];
            if (l.Count(c => c == '[') != l.Count(c => c == ']') || l.Count(c => c == '{') != l.Count(c => c == '}')
                || l.Count(c => c == '"') % 2 == 1)
                return i + 1;
        }
        return 1;
    }

    private static string FirstLine(string s)
    {
        var i = s.IndexOf('\n');
        return (i < 0 ? s : s[..i]).Trim();
    }
}
