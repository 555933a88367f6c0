namespace CertPlatform.Web.Features.Records;

/// <summary>One certificate in a ZIP: what the manifest says about it (the PDF itself is read in batches).</summary>
public sealed record ZipItem(string Id, string Number, string HolderName, string Status, string PdfSha256, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
