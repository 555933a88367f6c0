namespace CertPlatform.Web.Features.Admin;

/// <summary>How activating or deactivating a user ended (the controller maps these to pages).</summary>
public enum SetUserActiveOutcome
{
    Activated,
    Deactivated,
    NotFound,
    /// <summary>An administrator may not deactivate their own account; nothing was changed.</summary>
    OwnAccount,
}
