namespace CertPlatform.Web.Features.Exams;

/// <summary>How starting a paper ended (the controllers map these to HTTP and to messages).</summary>
public enum StartAttemptOutcome
{
    /// <summary>A new attempt.</summary>
    Started,
    /// <summary>The attempt already in progress (another tab, another device, a reload).</summary>
    Resumed,
    /// <summary>No such paper, or it is not open to this user.</summary>
    NotFound,
    NotYetOpen,
    Closed,
    NoAttemptsLeft,
    WrongPassword,
    /// <summary>Too many wrong access passwords: locked for a while (Papers' PaperPasswordGuard).</summary>
    PasswordLocked,
    /// <summary>The bank cannot fill the paper's blueprint or fixed list.</summary>
    CannotDraw,
    /// <summary>A concurrent start won and its attempt could not be read back (finished at once).</summary>
    StartedElsewhere,
}
