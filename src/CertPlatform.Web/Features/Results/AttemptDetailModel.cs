using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Results;

public sealed record AttemptDetailModel(
    Attempt Attempt, Paper Paper, string FullName, string? EmployeeNumber, string Organization, string Department,
    AttemptReportModel Report, IReadOnlyList<DetailQuestion> Questions, IReadOnlyList<AttemptEvent> Events);
