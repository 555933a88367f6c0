namespace CertPlatform.Web.Features.Analytics;

/// <summary>The file formats every analytics table exports to.</summary>
public enum ExportFormat { Csv, Xlsx }
