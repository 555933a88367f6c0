using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using Microsoft.EntityFrameworkCore;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.Web.Features.Practice;

/// <summary>What a set practises, for headings and for "再练一组" (the start form field and value).</summary>
public sealed record PracticeScopeInfo(string Scope, string ScopeId, string? Name)
{
    public string StartField => Scope switch { PracticeScope.Lesson => "Lesson", PracticeScope.Part => "Part", _ => "Mistakes" };
    public string StartValue => Scope == PracticeScope.Mistakes && ScopeId.Length == 0 ? StartPracticeForm.AllMistakes : ScopeId;
}
