using CertPlatform.IntegrationTests.Infrastructure;

namespace CertPlatform.IntegrationTests.Features.QuestionBank;

/// <summary>An app that previews every uploaded question file in the background (QuestionImport:BackgroundAboveBytes = 0).</summary>
public sealed class BackgroundImportApp : IDisposable
{
    public AppFactory Factory { get; } = new AppFactory().With("QuestionImport:BackgroundAboveBytes", "0");
    public void Dispose() => Factory.Dispose();
}
