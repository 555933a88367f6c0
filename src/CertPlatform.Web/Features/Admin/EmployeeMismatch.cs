namespace CertPlatform.Web.Features.Admin;

/// <summary>An unverified account whose 工号 HR imported under another name (or organisation): not verified automatically.</summary>
public sealed record EmployeeMismatch(UnverifiedAccount Account, string RecordName, string RecordOrganization, string FileName);
