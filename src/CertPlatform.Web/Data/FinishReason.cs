namespace CertPlatform.Web.Data;

/// <summary>Why an attempt ended. Stored as text in <see cref="Attempt.FinishReason"/>.</summary>
public static class FinishReason
{
    /// <summary>The trainee handed the paper in.</summary>
    public const string Submitted = "submitted";
    /// <summary>The server finished it at its deadline.</summary>
    public const string Deadline = "deadline";
}
