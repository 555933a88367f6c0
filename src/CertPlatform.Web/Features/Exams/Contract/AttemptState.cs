namespace CertPlatform.Web.Features.Exams.Contract;

/// <summary>
/// 200 body of <c>GET /api/attempts/{attemptId}</c>: status, deadline and server clock, every saved answer
/// with its seq (a client continues from these), flags, focus-loss count, and the result once finished.
/// </summary>
public sealed record AttemptState(
    string AttemptId, string PaperId, string Status, DateTimeOffset DeadlineUtc, DateTimeOffset ServerNowUtc,
    IReadOnlyList<SavedAnswer> Answers, IReadOnlyList<int> Flags, int FocusLossCount, int? FocusLossLimit, AttemptResult? Result);
