namespace CertPlatform.Web.Features.Records;

public enum ZipJobState { Queued, Running, Ready, Failed }
