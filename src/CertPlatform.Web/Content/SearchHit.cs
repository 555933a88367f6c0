namespace CertPlatform.Web.Content;

public sealed record SearchHit(Lesson Lesson, string Anchor, string Heading, string SnippetHtml, int Score);
