using System.Net;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// Issue 10 item 3: the sections "Database", "Content", "DemoData", "RateLimits" and "DataProtection" are options checked at start-up; a bad value stops
/// the host with a message naming the key (and the app serves nothing), a good one starts it.
/// </summary>
public sealed class StartUpOptionsTests
{
    private static string MissingFolder() => Path.Combine(Path.GetTempPath(), "certplatform-nocontent-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("Database:Provider", "Oracle", "Configuration 'Database:Provider' is 'Oracle': use 'Sqlite' or 'PostgreSQL'.")]
    [InlineData("Database:ConnectionString", "", "Configuration 'Database:ConnectionString' is empty.")]
    [InlineData("Database:ConnectionString", "Mode=Memory", "Configuration 'Database:ConnectionString' has no Data Source.")]
    [InlineData("Database:ConnectionString", "this is no connection string", "Configuration 'Database:ConnectionString' is not a SQLite connection string")]
    [InlineData("DemoData:Enabled", "yes", "DemoData:Enabled")]
    [InlineData("RateLimits:LoginPerMinute", "0", "RateLimits:LoginPerMinute must be 1–1000000")]
    [InlineData("RateLimits:VerifyPerMinute", "-5", "RateLimits:VerifyPerMinute must be 1–1000000")]
    [InlineData("DataProtection:KeysPath", " ", "Configuration 'DataProtection:KeysPath' is empty: leave it out for 'data/keys' or name a folder.")]
    public void A_bad_value_stops_start_up_naming_the_key(string key, string value, string message)
    {
        using var factory = new AppFactory().With(key, value);
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains(message, error.ToString());
    }

    [Fact]
    public void A_postgresql_connection_string_that_does_not_parse_stops_start_up_naming_the_key()
    {
        using var factory = new AppFactory().With("Database:Provider", "PostgreSQL").With("Database:ConnectionString", "Host=127.0.0.1;Colour=blue");
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Configuration 'Database:ConnectionString' is not a PostgreSQL connection string", error.ToString());
    }

    [Fact]
    public void A_content_path_that_does_not_exist_stops_start_up_naming_the_key()
    {
        var missing = MissingFolder();
        using var factory = new AppFactory().With("Content:Path", missing);
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains($"Configuration 'Content:Path' is '{missing}': the folder '{missing}' does not exist.", error.ToString());
    }

    [Fact]
    public void A_content_path_without_a_curriculum_stops_start_up_naming_the_key()
    {
        var empty = Directory.CreateTempSubdirectory("certplatform-emptycontent-").FullName;
        try
        {
            using var factory = new AppFactory().With("Content:Path", empty);
            var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            Assert.Contains($"Configuration 'Content:Path' is '{empty}': the folder '{empty}' has no curriculum.yaml.", error.ToString());
        }
        finally { Directory.Delete(empty, true); }
    }

    [Fact]
    public void A_key_ring_path_naming_a_file_stops_start_up_naming_the_key()
    {
        var file = Path.GetTempFileName();
        try
        {
            using var factory = new AppFactory().With("DataProtection:KeysPath", file);
            var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            Assert.Contains($"Configuration 'DataProtection:KeysPath' is '{file}': '{file}' is a file, not a folder.", error.ToString());
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Good_values_in_other_spellings_start_the_app()
    {
        using var factory = new AppFactory()
            .With("Database:Provider", "SQLITE")
            .With("Content:Path", Path.Combine(ServerProcess.RepositoryRoot(), "content"))
            .With("DemoData:Enabled", "False");
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync("/healthz")).StatusCode);
    }
}
