namespace CertPlatform.Web.Domain.Accounts;

/// <summary>The answer of <see cref="EmployeeMatch.Compare"/>: no record with that 工号, the same employee, or the same 工号 under another name or organisation.</summary>
public enum EmployeeMatchOutcome { NoRecord, Match, Mismatch }
