using CertPlatform.Web.Content;

namespace CertPlatform.Web.Features.QuestionBank;

public sealed record ImportPageModel(ImportSummary? Preview, IReadOnlyList<Lesson> Lessons);
