namespace CertPlatform.Web.Features.Admin;

public sealed record ImportProblem(int Line, string Message)
{
    /// <summary>Line 0 means the file as a whole.</summary>
    public override string ToString() => Line > 0 ? $"第 {Line} 行：{Message}" : Message;
}
