namespace CertPlatform.Web.Features.Exams.Contract;

/// <summary>200 body of an event: focus losses so far, the paper's limit, and whether the page should warn.</summary>
public sealed record EventRecorded(int FocusLossCount, int? FocusLossLimit, bool Warn);
