namespace CertPlatform.Web.Content;

public sealed record ContentPartRow(string PartId, string Title, int Chapters, int Lessons, int Textbook, int Authored, int CourseOutline, int Characters, int ReadyQuestions, int ReadySecure = 0);
