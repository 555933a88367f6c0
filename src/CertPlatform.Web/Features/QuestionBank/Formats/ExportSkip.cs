namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>A question <see cref="AikenFormat.Write"/> could not write, and why.</summary>
public sealed record ExportSkip(string QuestionId, ImportText Reason);
