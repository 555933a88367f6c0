namespace CertPlatform.Web.Features.Admin;

/// <summary>How creating or editing a user ended (the controller maps these to pages).</summary>
public enum SaveUserOutcome
{
    Saved,
    /// <summary>The form has errors (<see cref="SaveUserResult.Errors"/>); nothing was changed.</summary>
    Invalid,
    /// <summary>No such user to edit.</summary>
    NotFound,
}
