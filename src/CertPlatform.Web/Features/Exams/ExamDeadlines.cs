using CertPlatform.Web.Domain.Exams;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// <see cref="AttemptDeadline"/> with the configured grace (<c>Exams:GraceSeconds</c>) and the server's
/// clock: what every path uses — the exam page, the API's saves, starting or resuming, the finisher.
/// </summary>
public sealed class ExamDeadlines(IOptions<ExamOptions> options, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Still open: answers accepted, the page shown, the attempt resumed.</summary>
    public bool IsOpen(DateTimeOffset deadline) => AttemptDeadline.AcceptsAnswers(deadline, options.Value.Grace, clock.GetUtcNow());

    /// <summary>Attempts in progress with a deadline before this are over and are finished by the server.</summary>
    public DateTimeOffset OverdueBefore => AttemptDeadline.OverdueBefore(options.Value.Grace, clock.GetUtcNow());
}
