using System.Net;
using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CertPlatform.IntegrationTests.Infrastructure;

public sealed class PlatformTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task Healthz_reports_the_database()
    {
        var response = await app.Factory.NewClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        var response = await app.Factory.NewClient().GetAsync("/account/login");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Auth_cookie_is_http_only_secure_and_lax()
    {
        var client = app.Factory.NewClient();
        var login = await client.LoginAsync(Demo.Account(Roles.Trainee).Email, Demo.Account(Roles.Trainee).Password);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("certplatform.auth="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Database_is_a_real_sqlite_file_in_wal_mode_with_migrations_applied()
    {
        await app.Factory.NewClient().GetAsync("/healthz");
        var path = Path.Combine(app.Factory.DataFolder, "test.db");
        Assert.True(File.Exists(path));
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)mode.ExecuteScalar()!);
        using var history = connection.CreateCommand();
        history.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory;";
        Assert.True((long)history.ExecuteScalar()! >= 1);
    }

    [Fact]
    public async Task A_restart_keeps_users_signed_in_because_keys_are_persisted()
    {
        var folder = Path.Combine(Path.GetTempPath(), "certplatform-restart-" + Guid.NewGuid().ToString("N"));
        string cookie;
        using (var first = new AppFactory(folder))
        {
            var client = first.NewClient();
            var login = await client.LoginAsync(Demo.Account(Roles.Trainee).Email, Demo.Account(Roles.Trainee).Password);
            cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("certplatform.auth=")).Split(';')[0];
            Assert.True(Directory.EnumerateFiles(Path.Combine(folder, "keys"), "*.xml").Any());
            first.KeepDataFolder = true; // the "restarted" app below uses the same database and keys
        }
        using var second = new AppFactory(folder);
        var again = second.NewClient();
        again.DefaultRequestHeaders.Add("Cookie", cookie);
        var page = await again.GetAsync("/lessons");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public void Broken_content_stops_the_app_with_file_and_line_messages()
    {
        var content = Path.Combine(Path.GetTempPath(), "certplatform-badcontent-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(content, "lessons"));
        File.WriteAllText(Path.Combine(content, "curriculum.yaml"),
            "title: t\nparts:\n  - id: part1\n    title: P\n    chapters:\n      - id: c1\n        title: C\n        lessons:\n          - id: l1\n            file: lessons/missing.md\n");
        using var factory = new AppFactory().With("Content:Path", content);
        var ex = Assert.ThrowsAny<Exception>(() => factory.NewClient());
        var invalid = FindInner<ContentInvalidException>(ex);
        Assert.NotNull(invalid);
        Assert.Contains("curriculum.yaml:9: lesson 'l1': file 'lessons/missing.md' not found", invalid!.Message);
    }

    private static T? FindInner<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException) if (e is T t) return t;
        return null;
    }
}
