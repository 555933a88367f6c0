namespace CertPlatform.Web.Features.Admin;

/// <summary>
/// What <see cref="EmployeeImport.CommitAsync"/> did: the accounts created with their initial passwords (shown once), or the
/// problems that stopped the commit; for a roster-only import, the records kept and the accounts verified by a match.
/// </summary>
public sealed record EmployeeImportCommitResult(IReadOnlyList<InitialPassword> Created, IReadOnlyList<ImportProblem> Problems, string FileName,
    bool RosterOnly = false, int Records = 0, int Verified = 0);
