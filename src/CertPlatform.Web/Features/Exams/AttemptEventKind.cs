namespace CertPlatform.Web.Features.Exams;

/// <summary>What an attempt event records (<see cref="Data.AttemptEvent.Kind"/>, stored as text).</summary>
public static class AttemptEventKind
{
    /// <summary>The exam window lost focus.</summary>
    public const string FocusLost = "focus-lost";
    /// <summary>The exam tab was hidden (another tab or app came to the front).</summary>
    public const string TabHidden = "tab-hidden";
    /// <summary>The trainee came back.</summary>
    public const string FocusBack = "focus-back";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { FocusLost, TabHidden, FocusBack };
}
