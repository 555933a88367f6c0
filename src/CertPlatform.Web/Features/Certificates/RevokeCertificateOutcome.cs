namespace CertPlatform.Web.Features.Certificates;

/// <summary>What <see cref="RevokeCertificate"/> did: revoked, or why not.</summary>
public enum RevokeCertificateOutcome { Revoked, NotFound, AlreadyRevoked, ReasonMissing }
