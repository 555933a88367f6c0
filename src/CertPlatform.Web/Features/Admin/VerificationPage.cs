using CertPlatform.Web.Features.Certificates;

namespace CertPlatform.Web.Features.Admin;

/// <summary>/admin/verification: accounts to confirm, those whose imported employee record differs, and passes held for them.</summary>
public sealed record VerificationPage(IReadOnlyList<UnverifiedAccount> Accounts, IReadOnlyList<EmployeeMismatch> Mismatches, IReadOnlyList<HeldPass> Held);
