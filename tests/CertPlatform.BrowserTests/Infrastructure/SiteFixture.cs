using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertPlatform.BrowserTests.Infrastructure;

/// <summary>
/// One running site (Kestrel, temp SQLite file, temp Data Protection keys, demo accounts) and one
/// headless Debian Chromium, shared by the tests of a collection. Each test opens its own browser context.
/// </summary>
public abstract class SiteFixture : IAsyncLifetime
{
    public const float TimeoutMs = 30_000;
    public const string ChromiumPath = "/usr/bin/chromium";
    private static int _userCounter;

    private KestrelAppFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string TempFolder { get; } = Path.Combine(Path.GetTempPath(), "certplatform-browser-" + Guid.NewGuid().ToString("N"));
    public string ContentFolder { get; private set; } = "";
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("fixture not initialised");
    public IServiceProvider Services => (_factory ?? throw new InvalidOperationException("fixture not initialised")).Services;

    /// <summary>The content folder the site serves; created inside <see cref="TempFolder"/> if needed.</summary>
    protected abstract string PrepareContent();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (apt-get install chromium).");
        Directory.CreateDirectory(TempFolder);
        ContentFolder = PrepareContent();
        _factory = new KestrelAppFactory(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(TempFolder, "test.db")}",
            ["DataProtection:KeysPath"] = Path.Combine(TempFolder, "keys"),
            ["Content:Path"] = ContentFolder,
            ["DemoData:Enabled"] = "true",
            ["RateLimits:LoginPerMinute"] = "1000",
            ["Logging:Json"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        });
        BaseAddress = _factory.Start();

        Assertions.SetDefaultExpectTimeout(TimeoutMs);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = TimeoutMs,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies) on the site, with 30 s timeouts.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseAddress.ToString();
        options.ViewportSize ??= new ViewportSize { Width = 1280, Height = 800 };
        options.Locale ??= "zh-CN";
        options.TimezoneId ??= "Asia/Shanghai";
        options.ColorScheme ??= ColorScheme.Light;
        options.ReducedMotion ??= ReducedMotion.Reduce;
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);
        return context;
    }

    /// <summary>A new trainee account of its own, so tests that record progress do not see each other's.</summary>
    public async Task<(string Email, string Password, string UserId)> CreateTraineeAsync(string fullName = "测试学员")
    {
        var n = Interlocked.Increment(ref _userCounter);
        var email = $"browser{n}.{Guid.NewGuid().ToString("N")[..8]}@test.local";
        const string password = "Browser-2026";
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = fullName,
            EmployeeNumber = $"BT{Guid.NewGuid().ToString("N")[..10]}", Organization = "示例分公司", Department = "政企客户部",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Check(await users.CreateAsync(user, password), email);
        Check(await users.AddToRoleAsync(user, Roles.Trainee), email);
        return (email, password, user.Id);

        static void Check(IdentityResult r, string what)
        {
            if (!r.Succeeded) throw new InvalidOperationException($"could not create {what}: {string.Join("; ", r.Errors.Select(e => e.Description))}");
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(TempFolder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The site with the repository's content plus the malicious probe lesson (see <see cref="TestContent"/>).</summary>
public sealed class ProbeSiteFixture : SiteFixture
{
    protected override string PrepareContent() => TestContent.CreateWithProbe(Path.Combine(TempFolder, "content"));
}

/// <summary>The site with the repository's content exactly as committed: used for the README screenshots.</summary>
public sealed class PristineSiteFixture : SiteFixture
{
    protected override string PrepareContent() => RepoPaths.Content;
}

[CollectionDefinition(Name)]
public sealed class ProbeSiteCollection : ICollectionFixture<ProbeSiteFixture>
{
    public const string Name = "Browser: site with probe lesson";
}

[CollectionDefinition(Name)]
public sealed class PristineSiteCollection : ICollectionFixture<PristineSiteFixture>
{
    public const string Name = "Browser: site with committed content";
}
