using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Records;

public sealed record RecordRow(Certificate Certificate, string Status);
