namespace CertPlatform.Web.Domain.Statistics;

/// <summary>
/// One graded question of an attempt as its digest keeps it: the question ref and blueprint section, the question
/// version graded, the curriculum part, the mark (automatic plus examiner's) and the points, and — when the question
/// as laid out has options (single, multiple, true/false, matching) — the laid-out version and the AUTHORED options
/// the stored response chose (<see cref="OptionsVersion"/> 0 when it has none; <see cref="Chosen"/> empty when
/// nothing was chosen or the question was not answered).
/// </summary>
public sealed record DigestSlot(int Ref, int Section, string QuestionId, int Version, string PartId, double Mark, double Max,
    int OptionsVersion, IReadOnlyList<int> Chosen);
