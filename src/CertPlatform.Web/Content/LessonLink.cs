namespace CertPlatform.Web.Content;

/// <summary>A <c>lesson:</c> link found in a lesson body, checked once every lesson is known.</summary>
public sealed record LessonLink(string File, int Line, string LessonId, string? Anchor);
