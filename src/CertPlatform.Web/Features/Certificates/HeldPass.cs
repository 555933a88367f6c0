namespace CertPlatform.Web.Features.Certificates;

/// <summary>A passed certification attempt whose certificate waits until the holder's account is verified.</summary>
public sealed record HeldPass(string AttemptId, string UserId, string FullName, string? EmployeeNumber, string Organization,
    string PaperTitle, decimal Score, DateTimeOffset PassedAt);
