using CertPlatform.Web.Content;

namespace CertPlatform.Web.Features.QuestionBank;

public sealed record QuestionEditorModel(QuestionForm Form, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<Lesson> Lessons, bool IsNew);
