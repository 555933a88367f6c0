namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// A question as it reaches the exam page and the attempt API: built field by field from the
/// question, so nothing that gives the answer away (keys, accepted blanks, explanation, rubric) can
/// slip through. Choice options, the matching answer column and ordering items are in the
/// attempt's frozen display order; responses refer to those displayed positions. Built by <see cref="QuestionViews"/>; a plain
/// record so the load driver can share it.
/// </summary>
public sealed record QuestionView(
    int Ref, string Id, string Type, decimal Points, int Section, string Stem, string? StemImage,
    IReadOnlyList<OptionView> Options, int Blanks, IReadOnlyList<string> Left, IReadOnlyList<string> Right,
    IReadOnlyList<string> Items, string? Scenario, IReadOnlyList<QuestionView> Parts);
