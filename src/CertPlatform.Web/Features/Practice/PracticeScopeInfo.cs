namespace CertPlatform.Web.Features.Practice;

/// <summary>What a set practises, for headings and for "再练一组" (the start form field and value).</summary>
public sealed record PracticeScopeInfo(string Scope, string ScopeId, string? Name)
{
    public string StartField => Scope switch { PracticeScope.Lesson => "Lesson", PracticeScope.Part => "Part", _ => "Mistakes" };
    public string StartValue => Scope == PracticeScope.Mistakes && ScopeId.Length == 0 ? StartPracticeForm.AllMistakes : ScopeId;
}
