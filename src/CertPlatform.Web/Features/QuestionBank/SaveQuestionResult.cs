namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>What <see cref="SaveQuestion"/> did: saved as <paramref name="Version"/>, or the form's errors by field.</summary>
public sealed record SaveQuestionResult(bool Saved, Dictionary<string, string[]> Errors, int Version);
