namespace CertPlatform.Web.Content;

/// <summary>
/// A sentence or table cell of a lesson body, with the section anchors it sits under and whether it is in a
/// supplement (team-written) block, as the fidelity check sees it.
/// </summary>
public sealed record LessonTextUnit(int Line, string Text, bool Supplement, string? Section, string? Subsection);
