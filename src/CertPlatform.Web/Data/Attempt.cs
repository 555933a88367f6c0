namespace CertPlatform.Web.Data;

/// <summary>
/// One sitting of a paper by one trainee. The questions (with the versions drawn), their order and
/// option shuffles are frozen in <see cref="LayoutJson"/> at start; the deadline is computed once
/// on the server. At most one attempt per user and paper is in progress (a filtered unique index).
/// </summary>
public sealed class Attempt
{
    /// <summary>32 hex characters (random): not guessable, the same text on every provider.</summary>
    public required string Id { get; set; }
    public required string PaperId { get; set; }
    public required string UserId { get; set; }
    /// <summary>1 for the user's first attempt at this paper, 2 for the second…</summary>
    public int Number { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset Deadline { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>submitted (by the trainee) or deadline (finished by the server).</summary>
    public string? FinishReason { get; set; }
    public int Seed { get; set; }
    /// <summary>Domain.Exams.AttemptLayout as JSON.</summary>
    public required string LayoutJson { get; set; }
    /// <summary>Question refs the trainee flagged for review, as a JSON array.</summary>
    public string FlagsJson { get; set; } = "[]";
    public int FocusLossCount { get; set; }
    public string Grading { get; set; } = GradingStatus.None;
    public decimal? Score { get; set; }
    public decimal MaxScore { get; set; }
    public decimal PassMark { get; set; }
    public bool? Passed { get; set; }
    public DateTimeOffset? GradedAt { get; set; }
    /// <summary>A regrade moved this attempt across the pass mark: examiners should look at it.</summary>
    public bool PassChangedByRegrade { get; set; }
    /// <summary>Questions drawn that this trainee had seen in an earlier attempt (the pool was too small to avoid them).</summary>
    public int RepeatedQuestions { get; set; }
    /// <summary>The paper's version when the attempt started: a certificate needs that exact version approved.</summary>
    public int PaperVersion { get; set; } = 1;
}
