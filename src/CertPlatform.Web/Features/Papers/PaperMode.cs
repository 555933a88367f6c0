namespace CertPlatform.Web.Features.Papers;

/// <summary>How the paper editor builds a paper: drawn from a blueprint, or a fixed list of questions (the form's <c>Mode</c>).</summary>
public static class PaperMode
{
    public const string Blueprint = "blueprint";
    public const string Fixed = "fixed";
}
