namespace CertPlatform.Web.Features.Admin;

public sealed record ImportPreviewModel(EmployeeImport.Preview? Preview);
