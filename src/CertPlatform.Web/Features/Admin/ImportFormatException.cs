namespace CertPlatform.Web.Features.Admin;

public sealed class ImportFormatException(string message) : Exception(message);
