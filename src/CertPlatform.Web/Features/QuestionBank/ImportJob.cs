namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// A question import's preview as the status page sees it: still being read or checked (question <see cref="Done"/> of
/// <see cref="Total"/>), failed, or done with its <see cref="Preview"/>.
/// </summary>
public sealed record ImportJob(Guid Id, string FileName, ImportJobState State, int Done, int Total, ImportSummary? Preview);
