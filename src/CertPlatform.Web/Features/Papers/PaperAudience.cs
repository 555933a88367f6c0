namespace CertPlatform.Web.Features.Papers;

/// <summary>
/// Who a paper is for (<see cref="Data.Paper.Audience"/>) and what an assignment names
/// (<see cref="Data.PaperAssignment.Kind"/>). Stored as text.
/// </summary>
public static class PaperAudience
{
    /// <summary>Audience: every trainee.</summary>
    public const string Everyone = "all";
    /// <summary>Audience: only the organisations, departments and trainees assigned.</summary>
    public const string Assigned = "assigned";

    /// <summary>Assignment kind: everyone whose 单位 is the value.</summary>
    public const string Organization = "organization";
    /// <summary>Assignment kind: everyone whose 部门 is the value.</summary>
    public const string Department = "department";
    /// <summary>Assignment kind: the trainee whose user id is the value.</summary>
    public const string User = "user";
}
