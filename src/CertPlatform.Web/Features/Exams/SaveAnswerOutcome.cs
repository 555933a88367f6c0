namespace CertPlatform.Web.Features.Exams;

/// <summary>How a save of an answer ended (the controllers map these to HTTP).</summary>
public enum SaveAnswerOutcome
{
    Saved,
    /// <summary>No such attempt for this user.</summary>
    NotFound,
    /// <summary>The attempt has no question with this ref.</summary>
    NoSuchQuestion,
    /// <summary>seq or baseSeq out of range.</summary>
    BadSeq,
    /// <summary>The response is not valid JSON of a response.</summary>
    BadResponse,
    /// <summary>The response is longer than the limit.</summary>
    TooLong,
    /// <summary>A newer answer (or one saved from elsewhere since the base seq) is stored and kept.</summary>
    Stale,
    /// <summary>The attempt is finished.</summary>
    Finished,
    /// <summary>The deadline plus grace has passed.</summary>
    TimeUp,
}
