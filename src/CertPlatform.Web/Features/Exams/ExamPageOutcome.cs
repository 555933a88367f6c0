namespace CertPlatform.Web.Features.Exams;

/// <summary>What opening the exam page of an attempt leads to.</summary>
public enum ExamPageOutcome
{
    /// <summary>Open (before the deadline, or within the grace after it): show the page.</summary>
    Show,
    /// <summary>Not this user's attempt.</summary>
    NotFound,
    /// <summary>Finished (now or before): show the result.</summary>
    Finished,
}
