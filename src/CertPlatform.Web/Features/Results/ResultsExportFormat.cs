namespace CertPlatform.Web.Features.Results;

/// <summary>The file formats of a paper's results export.</summary>
public enum ResultsExportFormat { Csv, Xlsx }
