using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Admin;

public sealed record AuditPageModel(IReadOnlyList<AuditEntry> Entries, int Page, bool HasMore, string? Action = null);
