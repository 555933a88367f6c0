namespace CertPlatform.Web.Data;

/// <summary>An exam paper: a fixed question list or a blueprint, with time limit, pass mark and window.</summary>
public sealed class Paper
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    /// <summary>certification or mock.</summary>
    public required string Kind { get; set; }
    public int TimeLimitMinutes { get; set; }
    public decimal PassMark { get; set; }
    public DateTimeOffset? OpensAt { get; set; }
    public DateTimeOffset? ClosesAt { get; set; }
    /// <summary>0 = unlimited.</summary>
    public int AttemptsAllowed { get; set; }
    public bool ShuffleQuestions { get; set; } = true;
    public bool ShuffleOptions { get; set; } = true;
    /// <summary>draft or published.</summary>
    public required string Status { get; set; }
    /// <summary>Blueprint sections as JSON (Domain.Exams.BlueprintSection list); null for a fixed paper.</summary>
    public string? BlueprintJson { get; set; }
    /// <summary>Fixed question ids with points as JSON; null for a blueprint paper.</summary>
    public string? FixedQuestionsJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
