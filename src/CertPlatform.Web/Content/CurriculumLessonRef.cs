namespace CertPlatform.Web.Content;

/// <summary>A lesson as listed in curriculum.yaml (the file is checked separately).</summary>
public sealed record CurriculumLessonRef(string Id, string File, IReadOnlyList<string> Topics, int Line);
