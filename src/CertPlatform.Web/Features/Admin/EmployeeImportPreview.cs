namespace CertPlatform.Web.Features.Admin;

/// <summary>What <see cref="EmployeeImport.PreviewAsync"/> found: the checked rows and, when every row passed, the pending import to commit.</summary>
public sealed record EmployeeImportPreview(Guid? ImportId, string FileName, EmployeeImportResult Result, bool RosterOnly = false);
