namespace CertPlatform.Web.Features.Analytics;

/// <summary>A file that cannot be read at all; <see cref="Exception.Message"/> is the localisation key of why.</summary>
public sealed class MatrixFormatException(string reason) : Exception(reason);
