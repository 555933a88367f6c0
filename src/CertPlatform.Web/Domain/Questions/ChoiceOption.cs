namespace CertPlatform.Web.Domain.Questions;

/// <summary>
/// An option; <paramref name="Image"/> is the SHA-256 of an uploaded image shown with it, if any;
/// <paramref name="Feedback"/> is shown after an attempt to a candidate who chose it (imported from GIFT/Moodle/QTI);
/// <paramref name="Weight"/> is the percentage of the points it earns when chosen (Moodle's answer fraction, −100…100),
/// null when the question is graded by the platform's own rule (see <see cref="Grader"/>).
/// </summary>
public sealed record ChoiceOption(string Text, bool Correct, string? Image = null, string? Feedback = null, decimal? Weight = null);
