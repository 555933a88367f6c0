namespace CertPlatform.Web.Domain.Questions.Lint;

/// <summary>The targets of the item-writing lint (documented, with measured figures, in docs/item-writing.md).</summary>
public sealed record LintThresholds
{
    /// <summary>A single-choice key this many times as long as the longest distractor is "longest by a clear margin"…</summary>
    public double LongestKeyRatio { get; init; } = 1.5;
    /// <summary>…provided it is also at least this many characters longer (short options vary a lot in relative length).</summary>
    public int LongestKeyMinExtraChars { get; init; } = 4;
    /// <summary>Highest share (%) of single-choice questions whose key is the strictly longest option (chance is about 25 %).</summary>
    public int LongestKeyMaxPercent { get; init; } = 35;
    /// <summary>Per option count, the highest share (%) of multiple-choice questions with the same number of right options.</summary>
    public int CorrectCountMaxPercent { get; init; } = 60;
    /// <summary>Option counts with fewer multiple-choice questions than this are not judged.</summary>
    public int CorrectCountMinQuestions { get; init; } = 10;
    /// <summary>True statements per part must be within this range (%) …</summary>
    public int TrueMinPercent { get; init; } = 40;
    public int TrueMaxPercent { get; init; } = 60;
    /// <summary>… for parts with at least this many true/false questions.</summary>
    public int TrueFalseMinQuestions { get; init; } = 8;
    /// <summary>Highest share (%) of false statements among true/false questions with an absolute word.</summary>
    public int AbsoluteFalseMaxPercent { get; init; } = 65;
    /// <summary>Stems (with their keys) at least this similar (%) are near-duplicates.</summary>
    public int NearDuplicatePercent { get; init; } = 70;
}
