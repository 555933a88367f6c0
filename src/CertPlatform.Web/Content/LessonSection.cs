namespace CertPlatform.Web.Content;

/// <summary>A heading inside a lesson, with its stable anchor (questions link to it).</summary>
public sealed record LessonSection(int Level, string Title, string Anchor, int Line);
