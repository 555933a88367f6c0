namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>What committing an import row would do: a new question, a new version of an existing one, or nothing (same content).</summary>
public enum ImportRowKind { New, Changed, Unchanged }
