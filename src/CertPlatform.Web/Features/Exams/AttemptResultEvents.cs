using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Exams;

/// <summary>Tells every <see cref="IAttemptResultHandler"/> about an attempt whose result is final.</summary>
public sealed class AttemptResultEvents(IEnumerable<IAttemptResultHandler> handlers, TimeProvider clock, ILogger<AttemptResultEvents> log)
{
    /// <returns>The certificate id a handler reported, if any.</returns>
    public Task<string?> PublishAsync(Attempt attempt, CancellationToken ct) => PublishAsync(attempt, null, ct);

    /// <param name="paperKind">The paper's kind when the caller has the paper (saves listeners a read), else null.</param>
    /// <returns>The certificate id a handler reported, if any.</returns>
    public async Task<string?> PublishAsync(Attempt attempt, string? paperKind, CancellationToken ct)
    {
        if (attempt.Grading != GradingStatus.Final) return null;
        var result = new AttemptResultFinal(attempt.Id, attempt.UserId, attempt.PaperId, attempt.Passed == true,
            attempt.Score ?? 0, attempt.MaxScore, attempt.FinishedAt ?? attempt.GradedAt ?? clock.GetUtcNow(), paperKind);
        string? certificateId = null;
        foreach (var handler in handlers)
        {
            // The result is already stored; a listener failing (say, PDF rendering) must not fail the
            // submit or the grading. Listeners that must not miss a result retry on their own.
            try { certificateId = await handler.HandleAsync(result, ct) ?? certificateId; }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Final result of attempt {Attempt} not handled by {Handler}", attempt.Id, handler.GetType().Name); }
        }
        return certificateId;
    }
}
