namespace CertPlatform.Web.Content;

/// <summary>One documented difference: the seed says <see cref="Seed"/>, lessons say <see cref="Lesson"/>.</summary>
public sealed record Normalisation(string Seed, string Lesson, NormalisationKind Kind, string Note, int Line);
