namespace CertPlatform.Web.Features.Account;

/// <summary>
/// Implemented by features that wait for an account to be verified (e.g. certificates held back for
/// an unverified trainee); register implementations with <c>services.AddScoped&lt;IAccountVerifiedHandler, …&gt;()</c>.
/// Called after the verification is saved, in registration order; a handler's failure is logged and
/// does not undo the verification.
/// </summary>
public interface IAccountVerifiedHandler
{
    Task OnVerifiedAsync(AccountVerified verified, CancellationToken ct);
}
