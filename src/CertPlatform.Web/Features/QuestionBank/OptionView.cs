namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>An option as the candidate sees it: no "correct" flag.</summary>
public sealed record OptionView(string Text, string? Image);
