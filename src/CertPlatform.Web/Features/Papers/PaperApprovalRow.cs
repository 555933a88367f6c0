using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Papers;

/// <summary>One certification paper on the approvals page: its version, programme, authors and approvals.</summary>
public sealed record PaperApprovalRow(Paper Paper, string? ProgrammeName, IReadOnlyList<string> Authors, IReadOnlyList<PaperApproval> Approvals);
