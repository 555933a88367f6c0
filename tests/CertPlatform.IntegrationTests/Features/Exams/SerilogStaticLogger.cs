namespace CertPlatform.IntegrationTests.Features.Exams;

/// <summary>
/// Serilog's AddSerilog makes each app host's logger the process-wide static logger: a host started in parallel by
/// another test class would take over the records. Classes that capture records run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerilogStaticLogger
{
    public const string Name = "Serilog static logger";
}
