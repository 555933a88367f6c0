namespace CertPlatform.Web.Content;

public sealed record Curriculum(string Title, IReadOnlyList<CurriculumPart> Parts, IReadOnlyList<string> Coverage);
