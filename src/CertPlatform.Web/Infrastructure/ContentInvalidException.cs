using CertPlatform.Web.Content;

namespace CertPlatform.Web.Infrastructure;

/// <summary>Thrown at start-up when content is broken; the message lists every error as file:line: message.</summary>
public sealed class ContentInvalidException(IReadOnlyList<ContentError> errors)
    : Exception("Content is invalid; fix these problems (same output as the 'lint' command):" + Environment.NewLine +
                string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ContentError> Errors { get; } = errors;
}
