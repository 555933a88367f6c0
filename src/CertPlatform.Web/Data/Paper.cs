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
    /// <summary>What a trainee sees after finishing: the score (and pass/fail), the right answers, the explanations.</summary>
    public bool ReviewShowsScore { get; set; } = true;
    public bool ReviewShowsAnswers { get; set; } = true;
    public bool ReviewShowsExplanations { get; set; } = true;
    /// <summary>Optional access password (ASP.NET Identity hash); null when the paper needs none.</summary>
    public string? AccessPasswordHash { get; set; }
    /// <summary>After this many focus losses the trainee is warned (an integrity signal for examiners); null = no limit.</summary>
    public int? FocusLossLimit { get; set; }
    /// <summary>"all" trainees, or "assigned" (organisations, departments, named trainees in <see cref="PaperAssignment"/>).</summary>
    public string Audience { get; set; } = Features.Papers.PaperAudience.Everyone;
    /// <summary>Blueprint draws leave out questions item analysis has flagged (docs/statistics.md).</summary>
    public bool DrawExcludeFlagged { get; set; }
    /// <summary>Blueprint draws balance papers on observed facility (questions with enough responses) instead of authored difficulty.</summary>
    public bool DrawUseObservedFacility { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>
    /// 1 when created; incremented by every save that changes what the paper certifies (Domain.Certificates.CertifiedPaperContent).
    /// Each version's author is in <see cref="PaperVersion"/>.
    /// </summary>
    public int Version { get; set; } = 1;
    /// <summary>The certification programme whose certificate a certification paper awards (null for mock papers).</summary>
    public string? ProgrammeId { get; set; }
    /// <summary>User ids of who created the paper and who saved it last (<see cref="PaperVersion.SystemAuthor"/> for seeded papers).</summary>
    public string? CreatedById { get; set; }
    public string? UpdatedById { get; set; }
    /// <summary>The version a second person last approved (<see cref="PaperApproval"/>); the paper is approved when it equals <see cref="Version"/>.</summary>
    public int? ApprovedVersion { get; set; }
    public bool IsApproved => ApprovedVersion == Version;
}
