namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// Listens for <see cref="AttemptResultFinal"/>. Must be idempotent: the same result may be heard more
/// than once (a retry, a regrade). Returns the id of a certificate when the handler issued (or had
/// already issued) one for the attempt, so the submit response can point to it; otherwise null.
/// </summary>
public interface IAttemptResultHandler
{
    Task<string?> HandleAsync(AttemptResultFinal result, CancellationToken ct);
}
