namespace CertPlatform.Web.Features.Admin;

/// <summary>How resetting a user's password ended (the controller maps these to pages).</summary>
public enum ResetUserPasswordOutcome
{
    /// <summary>A new initial password (<see cref="ResetUserPasswordResult.Password"/>) to show once.</summary>
    Reset,
    NotFound,
    /// <summary>Identity refused the new password (<see cref="ResetUserPasswordResult.Problem"/>); nothing was changed.</summary>
    Failed,
}
