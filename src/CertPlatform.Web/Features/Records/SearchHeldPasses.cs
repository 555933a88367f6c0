using CertPlatform.Web.Features.Certificates;
using CertPlatform.Web.Infrastructure.Time;

namespace CertPlatform.Web.Features.Records;

/// <summary>
/// The passes held until the holder's account is verified (<see cref="HeldCertificates"/>, newest first, at most
/// <see cref="HeldCertificates.Limit"/>) that a <see cref="RecordFilter"/> with <see cref="RecordFilter.HeldStatus"/> selects.
/// </summary>
public sealed class SearchHeldPasses(HeldCertificates held, DisplayTime display)
{
    public async Task<IReadOnlyList<HeldPass>> ListAsync(RecordFilter filter, CancellationToken ct) =>
        (await held.ListAsync(null, ct)).Where(h => filter.Matches(h, display)).ToList();
}
