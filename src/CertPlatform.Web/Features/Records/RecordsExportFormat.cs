namespace CertPlatform.Web.Features.Records;

public enum RecordsExportFormat { Csv, Xlsx }
