using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Infrastructure.Health;

public sealed class HealthEndpointTests(SharedApp app) : IClassFixture<SharedApp>
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        var response = await app.Factory.NewClient().GetAsync(path);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    [Fact]
    public async Task Readiness_checks_the_database_the_migrations_and_the_signing_key()
    {
        foreach (var path in new[] { "/healthz/ready", "/healthz" })
        {
            var (status, body) = await GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("healthy", body.GetProperty("status").GetString());
            var checks = body.GetProperty("checks");
            Assert.Equal("healthy", checks.GetProperty("database").GetString());
            Assert.Equal("healthy", checks.GetProperty("migrations").GetString());
            Assert.Equal("healthy", checks.GetProperty("signing-key").GetString());
        }
    }

    [Fact]
    public async Task Liveness_runs_no_dependency_checks()
    {
        var (status, body) = await GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Readiness_fails_with_503_when_a_migration_is_missing()
    {
        using var factory = new AppFactory();
        // Start the app (migrated), then forget the newest migration: the schema is older than the code.
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync("/healthz/ready")).StatusCode);
        await factory.ScopedAsync(async db =>
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(factory.DataFolder, "test.db")}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = (SELECT MAX("MigrationId") FROM "__EFMigrationsHistory")""";
            return await command.ExecuteNonQueryAsync();
        });
        var response = await factory.NewClient().GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", json.RootElement.GetProperty("checks").GetProperty("migrations").GetString());
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync("/healthz/live")).StatusCode);
    }

    [Fact]
    public async Task Readiness_fails_with_503_naming_the_signing_key_once_its_certificate_has_expired()
    {
        var clock = new ShiftedClock();
        using var factory = new AppFactory().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync("/healthz/ready")).StatusCode);

        clock.Shift = TimeSpan.FromDays(11 * 366); // the test signing certificate is valid for 10 years
        var response = await factory.NewClient().GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("unhealthy", checks.GetProperty("signing-key").GetString());
        Assert.Equal("healthy", checks.GetProperty("database").GetString());
        Assert.Equal("healthy", checks.GetProperty("migrations").GetString());
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync("/healthz/live")).StatusCode);
    }

    /// <summary>
    /// The system clock moved by <see cref="Shift"/>. Unlike FakeTimeProvider.Advance, a jump of years does not fire
    /// every periodic timer of the app once per period on the way (the timers stay on real time).
    /// </summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }
}
