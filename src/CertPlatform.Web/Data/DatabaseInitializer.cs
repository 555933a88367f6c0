using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Data;

/// <summary>Applies committed migrations, creates roles, syncs the shipped question bank and (if enabled) demo accounts before the app serves requests.</summary>
public sealed class DatabaseInitializer(IServiceProvider services, IOptions<DemoDataOptions> demoData, ILogger<DatabaseInitializer> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demo = demoData.Value;
        await InitialiseAsync(services, demo.Enabled, cancellationToken);
        log.LogInformation("Database ready (demo accounts {Demo})", demo.Enabled ? "enabled" : "disabled");
    }

    /// <summary>
    /// Under the cluster lock "database.initialise": instances starting together (PostgreSQL) migrate and seed one after
    /// another, so the second finds everything in place instead of racing the first's inserts.
    /// </summary>
    public static Task InitialiseAsync(IServiceProvider services, bool withDemoAccounts, CancellationToken ct = default) =>
        services.GetRequiredService<Infrastructure.Cluster.IClusterLock>().RunAsync("database.initialise",
            token => InitialiseUnlockedAsync(services, withDemoAccounts, token), ct);

    private static async Task InitialiseUnlockedAsync(IServiceProvider services, bool withDemoAccounts, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db, ct);
        var demo = scope.ServiceProvider.GetRequiredService<DemoAccounts>();
        await demo.EnsureRolesAsync();
        if (withDemoAccounts) await demo.EnsureDemoUsersAsync();
        await scope.ServiceProvider.GetRequiredService<QuestionBankSeeder>().SyncAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Features.Papers.PaperSeeder>().EnsureAsync(ct);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
