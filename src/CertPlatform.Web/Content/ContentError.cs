namespace CertPlatform.Web.Content;

/// <summary>A problem found in content, reported as <c>file:line: message</c>.</summary>
public sealed record ContentError(string File, int Line, string Message, bool IsWarning = false)
{
    public override string ToString() =>
        $"{File}:{Line}: {(IsWarning ? "warning: " : "")}{Message}";
}
