namespace CertPlatform.Web.Features.Admin;

public sealed record ImportPreviewModel(EmployeeImportPreview? Preview);
