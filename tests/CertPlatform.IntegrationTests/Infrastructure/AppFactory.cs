using System.Net;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on a real SQLite file in its own temp folder (database, Data Protection keys),
/// migrated by the app's own start-up code, with demo accounts.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new();

    public AppFactory(string? dataFolder = null)
    {
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "certplatform-it-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        _settings["Database:ConnectionString"] = $"Data Source={Path.Combine(DataFolder, "test.db")}";
        _settings["DataProtection:KeysPath"] = Path.Combine(DataFolder, "keys");
        _settings["DemoData:Enabled"] = "true";
        _settings["RateLimits:LoginPerMinute"] = "1000";
        _settings["Serilog:MinimumLevel:Default"] = "Warning";
        _settings["Certificates:SigningCertificatePath"] = TestSigningCertificate.Path;
        _settings["Certificates:PublicBaseUrl"] = "https://certs.example.test";
        _settings["Credentials:SigningKeyPath"] = TestCredentialKey.Path;
    }

    public string DataFolder { get; }
    public bool KeepDataFolder { get; set; }

    public AppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    private readonly List<Action<IServiceCollection>> _services = [];

    /// <summary>Replaces services after the app registered its own (e.g. a FakeTimeProvider).</summary>
    public AppFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        builder.ConfigureServices(services =>
        {
            foreach (var c in _services) c(services);
        });
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    });

    public async Task<HttpClient> SignedInClient(string email, string password)
    {
        var client = NewClient();
        var response = await client.LoginAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"login as {email} failed: {(int)response.StatusCode}");
        return client;
    }

    public const string TraineePassword = "Test-trainee-2026";

    /// <summary>Creates a trainee (with <see cref="TraineePassword"/>); <paramref name="profile"/> fills in name, employee number…</summary>
    public async Task<AppUser> CreateTraineeAsync(string email, Action<AppUser>? profile = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = email.Split('@')[0] };
        profile?.Invoke(user);
        var created = await users.CreateAsync(user, TraineePassword);
        if (!created.Succeeded) throw new InvalidOperationException($"could not create {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(user, Roles.Trainee);
        return user;
    }

    /// <summary>A new trainee, signed in, with the antiforgery header set for the exam API.</summary>
    public async Task<HttpClient> NewTraineeClientAsync(string email, Action<AppUser>? profile = null)
    {
        await CreateTraineeAsync(email, profile);
        return await (await SignedInClient(email, TraineePassword)).WithApiTokenAsync();
    }

    public T Scoped<T>(Func<IServiceProvider, T> use)
    {
        using var scope = Services.CreateScope();
        return use(scope.ServiceProvider);
    }

    public async Task<T> ScopedAsync<T>(Func<AppDbContext, Task<T>> use)
    {
        using var scope = Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepDataFolder)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
