namespace CertPlatform.Web.Features.Exams;

/// <summary>What the <see cref="AnswerWriter"/> did with a save.</summary>
public enum WriteOutcome
{
    /// <summary>Committed.</summary>
    Saved,
    /// <summary>Not written: a newer answer, or one saved elsewhere since the client's base seq, is stored.</summary>
    Stale,
    /// <summary>Not written: the attempt is no longer in progress.</summary>
    Closed,
}
