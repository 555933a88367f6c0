namespace CertPlatform.Web.Features.Exams;

/// <summary>How flagging a question ended.</summary>
public enum FlagOutcome
{
    Changed,
    /// <summary>No attempt in progress with this id for this user.</summary>
    NotFound,
    /// <summary>The attempt has no question with this ref.</summary>
    NoSuchQuestion,
}
