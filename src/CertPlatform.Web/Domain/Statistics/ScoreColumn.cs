namespace CertPlatform.Web.Domain.Statistics;

/// <summary>
/// One column of a <see cref="ScoreMatrix"/>: a slot (position) of the paper, what it is worth, and the
/// curriculum part it belongs to (empty when it has none or its questions come from several parts).
/// </summary>
public sealed record ScoreColumn(string Key, string Label, double MaxMark, string Group = "");
