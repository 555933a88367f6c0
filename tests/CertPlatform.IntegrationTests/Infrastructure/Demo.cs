using CertPlatform.Web.Features.Account;

namespace CertPlatform.IntegrationTests.Infrastructure;

public static class Demo
{
    public static DemoAccount Account(string role) => DemoAccounts.All.Single(a => a.Role == role);
}

/// <summary>One app (and database) shared by the tests of a class that do not change shared state.</summary>
public sealed class SharedApp : IDisposable
{
    public AppFactory Factory { get; } = new();
    public void Dispose() => Factory.Dispose();
}
