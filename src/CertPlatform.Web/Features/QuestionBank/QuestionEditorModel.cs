using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.QuestionBank;

public sealed record QuestionEditorModel(QuestionForm Form, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<Lesson> Lessons, bool IsNew);
