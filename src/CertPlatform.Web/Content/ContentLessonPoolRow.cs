namespace CertPlatform.Web.Content;

public sealed record ContentLessonPoolRow(string PartId, string LessonId, int Practice, int Secure);
