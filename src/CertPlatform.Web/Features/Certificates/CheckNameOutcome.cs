namespace CertPlatform.Web.Features.Certificates;

/// <summary>The answer of <see cref="VerifyCertificate.CheckNameAsync"/> to "is the holder X?".</summary>
public enum CheckNameOutcome { Matches, DoesNotMatch, NameMissing, NotFound }
