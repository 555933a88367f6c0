namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>The Aiken text and the questions left out of it.</summary>
public sealed record AikenExport(string Text, int Written, IReadOnlyList<ExportSkip> Skipped);
