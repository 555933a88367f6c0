namespace CertPlatform.Web.Features.Exams;

/// <summary>The exam page: the attempt as its owner sees it, the server's clock, and a message after a form save.</summary>
public sealed record ExamPageModel(AttemptView View, DateTimeOffset ServerNow, string? Message);
