namespace CertPlatform.Web.Content;

/// <summary>
/// The fidelity findings as <see cref="FidelityPending.Split"/> sorts them: <paramref name="Failures"/> fail
/// <c>-- fidelity</c>; <paramref name="Pending"/> belong to lessons still on the pending list and are only reported.
/// </summary>
public sealed record FidelitySplit(IReadOnlyList<FidelityFinding> Failures, IReadOnlyList<FidelityFinding> Pending);
