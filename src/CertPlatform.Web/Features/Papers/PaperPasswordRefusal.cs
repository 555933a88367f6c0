namespace CertPlatform.Web.Features.Papers;

/// <summary>Why an exam access password was not accepted: the HTTP status and the message for the trainee.</summary>
public sealed record PaperPasswordRefusal(int Status, string Error);
