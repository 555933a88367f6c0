namespace CertPlatform.Web.Features.Papers;

/// <summary>Whether the paper was saved, or the form's errors by field.</summary>
public sealed record SavePaperResult(bool Saved, Dictionary<string, string[]> Errors);
