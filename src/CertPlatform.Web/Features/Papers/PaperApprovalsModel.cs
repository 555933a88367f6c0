namespace CertPlatform.Web.Features.Papers;

public sealed record PaperApprovalsModel(IReadOnlyList<PaperApprovalRow> Papers, string? Error);
