namespace CertPlatform.Web.Features.Records;

public sealed record RecordsExportFile(byte[] Content, string ContentType, string FileName, int Count);
