using CertPlatform.Web.Content;

namespace CertPlatform.Web.Features.Practice;

public sealed record WeakTopic(Lesson Lesson, LessonTally Tally);
