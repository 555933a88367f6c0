namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary>A systematic wording change from the textbook: lessons say <see cref="Lesson"/>, the textbook <see cref="Textbook"/>.</summary>
public sealed record WordingPair(string Textbook, string Lesson);
