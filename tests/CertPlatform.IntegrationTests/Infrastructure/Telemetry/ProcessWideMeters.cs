namespace CertPlatform.IntegrationTests.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry's meter provider listens to every meter of its name in the process, whichever host's
/// <c>IMeterFactory</c> created it: a certificate issued by a host that another test class started in parallel
/// is counted in this host's scrape too. Classes that assert exact counter values run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMeters
{
    public const string Name = "Process-wide meters";
}
