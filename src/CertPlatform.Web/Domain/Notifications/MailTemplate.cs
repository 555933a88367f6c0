using System.Text.RegularExpressions;

namespace CertPlatform.Web.Domain.Notifications;

/// <summary>
/// A mail template from <c>content/notifications/</c>: a first line <c>subject: …</c>, a line <c>---</c>, then the
/// plain-text body. Placeholders are <c>{name}</c>; which ones a template may use is fixed per kind, and a
/// misspelt one is an error with file and line (found at start-up, not when the mail goes out).
/// </summary>
public sealed partial class MailTemplate
{
    private MailTemplate(string subject, string body)
    {
        Subject = subject;
        Body = body;
    }

    public string Subject { get; }
    public string Body { get; }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();

    /// <summary>Parses a template; on problems returns null and adds "file:line: message" lines to <paramref name="errors"/>.</summary>
    public static MailTemplate? Parse(string text, string file, IReadOnlyCollection<string> allowed, ICollection<string> errors)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var before = errors.Count;
        if (lines.Length == 0 || !lines[0].StartsWith("subject:", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{file}:1: the first line must be 'subject: …'");
            return null;
        }
        var subject = lines[0]["subject:".Length..].Trim();
        if (subject.Length == 0) errors.Add($"{file}:1: the subject is empty");
        if (lines.Length < 2 || lines[1].Trim() != "---")
        {
            errors.Add($"{file}:2: expected a line '---' between the subject and the body");
            return null;
        }
        for (var i = 0; i < lines.Length; i++)
        {
            if (i == 1) continue;
            foreach (Match m in Placeholder().Matches(lines[i]))
                if (!allowed.Contains(m.Groups[1].Value))
                    errors.Add($"{file}:{i + 1}: unknown placeholder {{{m.Groups[1].Value}}}; this template may use {string.Join(", ", allowed.Select(a => "{" + a + "}"))}");
        }
        var body = string.Join("\n", lines.Skip(2)).Trim('\n');
        if (body.Trim().Length == 0) errors.Add($"{file}:3: the body is empty");
        return errors.Count > before ? null : new MailTemplate(subject, body);
    }

    /// <summary>Fills the placeholders; one missing from <paramref name="values"/> is left as written.</summary>
    public (string Subject, string Body) Render(IReadOnlyDictionary<string, string> values) =>
        (Fill(Subject, values).ReplaceLineEndings(" "), Fill(Body, values));

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
}
