using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.Web.Features.Exams.Contract;

/// <summary>
/// 201 body of <c>POST /api/papers/{paperId}/attempts</c>: the attempt started (or the one in progress,
/// <see cref="Resumed"/>), its server deadline and clock, the questions in their frozen order without
/// keys, and what is already saved (answers with their seq, flags).
/// </summary>
public sealed record AttemptStarted(
    string AttemptId, string PaperId, bool Resumed, string Status, DateTimeOffset DeadlineUtc, DateTimeOffset ServerNowUtc,
    IReadOnlyList<QuestionView> Questions, IReadOnlyList<SavedAnswer> Answers, IReadOnlyList<int> Flags);
