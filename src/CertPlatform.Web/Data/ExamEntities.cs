namespace CertPlatform.Web.Data;

public static class AttemptStatus
{
    public const string InProgress = "InProgress";
    public const string Finished = "Finished";
}

public static class GradingStatus
{
    /// <summary>Not finished yet.</summary>
    public const string None = "None";
    /// <summary>Finished; essays or case write-ups wait in the grading queue.</summary>
    public const string AwaitingManual = "AwaitingManual";
    public const string Final = "Final";
}

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

/// <summary>The newest saved answer to one question of an attempt; <see cref="Seq"/> only moves forward.</summary>
public sealed class AttemptAnswer
{
    public required string AttemptId { get; set; }
    public int QuestionRef { get; set; }
    /// <summary>The response in displayed terms (option positions as shown), JSON.</summary>
    public required string ResponseJson { get; set; }
    public long Seq { get; set; }
    /// <summary>Unix milliseconds (UTC): written by the batching writer with plain SQL on every provider.</summary>
    public long SavedAtMs { get; set; }
}

/// <summary>Something that happened during an attempt worth an examiner's look (focus lost, tab hidden…).</summary>
public sealed class AttemptEvent
{
    public long Id { get; set; }
    public required string AttemptId { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public string Detail { get; set; } = "";
}

/// <summary>
/// The graded result of one question of a finished attempt: what was drawn, the automatic score and,
/// for essays and case write-ups, the examiner's score and comment. Scores are in paper points.
/// </summary>
public sealed class AttemptItem
{
    public required string AttemptId { get; set; }
    public int QuestionRef { get; set; }
    public required string QuestionId { get; set; }
    public int Version { get; set; }
    public int Section { get; set; }
    public required string LessonId { get; set; }
    public required string PartId { get; set; }
    public decimal Points { get; set; }
    public decimal AutoScore { get; set; }
    /// <summary>Points of the part an examiner grades (0 for objective questions).</summary>
    public decimal ManualMax { get; set; }
    public decimal? ManualScore { get; set; }
    public string ManualComment { get; set; } = "";
    public string? GradedBy { get; set; }
    public DateTimeOffset? GradedAt { get; set; }
    public bool Answered { get; set; }
    public decimal Score => AutoScore + (ManualScore ?? 0);
    public bool NeedsManual => ManualMax > 0 && ManualScore is null;
    /// <summary>Full marks on the automatically graded part: what the mistake notebook counts as right.</summary>
    public bool Correct { get; set; }
}

/// <summary>A question a trainee got wrong, until they answer it right twice in a row.</summary>
public sealed class MistakeEntry
{
    public required string UserId { get; set; }
    public required string QuestionId { get; set; }
    public required string LessonId { get; set; }
    public required string PartId { get; set; }
    public DateTimeOffset FirstWrongAt { get; set; }
    public DateTimeOffset LastWrongAt { get; set; }
    public int WrongCount { get; set; }
    public int RightStreak { get; set; }
    public DateTimeOffset? ClearedAt { get; set; }
    /// <summary>Missed in an attempt whose review hid the answers (or a secure question): the notebook names only the lesson, and practice never offers it.</summary>
    public bool Concealed { get; set; }
}

/// <summary>One practice answer (with immediate feedback): the history behind weak-topic summaries.</summary>
public sealed class PracticeAnswer
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string QuestionId { get; set; }
    public required string LessonId { get; set; }
    public required string PartId { get; set; }
    public bool Correct { get; set; }
    public DateTimeOffset At { get; set; }
}
