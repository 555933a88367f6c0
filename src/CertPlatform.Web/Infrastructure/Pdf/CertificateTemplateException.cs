namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>A template problem, always pointing at the file and the 1-based YAML line to fix.</summary>
public sealed class CertificateTemplateException(string file, int line, string problem)
    : Exception($"{file}:{line}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}
