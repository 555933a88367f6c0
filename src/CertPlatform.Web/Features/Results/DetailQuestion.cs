namespace CertPlatform.Web.Features.Results;

public sealed record DetailQuestion(ReportItem Item, string Type, string StemExcerpt, string Answer, string? GradedBy);
