using CertPlatform.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CertPlatform.UnitTests.Infrastructure;

public sealed class DatabaseOptionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("SQLITE", DatabaseProvider.Sqlite)]
    [InlineData(" sqlite ", DatabaseProvider.Sqlite)]
    [InlineData("PostgreSQL", DatabaseProvider.PostgreSql)]
    [InlineData("postgres", DatabaseProvider.PostgreSql)]
    [InlineData("Npgsql", DatabaseProvider.PostgreSql)]
    [InlineData("Oracle", null)]
    [InlineData("", null)]
    public void The_provider_is_named_in_any_case_with_its_aliases(string configured, DatabaseProvider? expected) =>
        Assert.Equal(expected, new DatabaseOptions { Provider = configured }.Kind);

    [Fact]
    public void Unset_the_section_means_the_embedded_sqlite_file()
    {
        var options = DatabaseOptions.Read(Config());
        Assert.Equal(DatabaseProvider.Sqlite, options.Kind);
        Assert.Equal("Data Source=data/certplatform.db", options.ConnectionString);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_naming_its_key()
    {
        var error = Assert.Throws<OptionsValidationException>(() => DatabaseOptions.Read(Config(("Database:Provider", "Oracle"), ("Database:ConnectionString", " "))));
        Assert.Equal(["Configuration 'Database:Provider' is 'Oracle': use 'Sqlite' or 'PostgreSQL'.", "Configuration 'Database:ConnectionString' is empty."], error.Failures);
    }

    [Fact]
    public void A_password_in_a_connection_string_that_does_not_parse_is_not_repeated()
    {
        var problems = new DatabaseOptions { Provider = "PostgreSQL", ConnectionString = "Host=db;Password=s3cret-pw;Colour=blue" }.Problems();
        var problem = Assert.Single(problems);
        Assert.StartsWith("Configuration 'Database:ConnectionString' is not a PostgreSQL connection string", problem);
        Assert.DoesNotContain("s3cret-pw", problem);
    }

    [Fact]
    public void The_validator_gives_the_same_messages_as_the_reader()
    {
        var options = new DatabaseOptions { Provider = "mysql" };
        var result = new DatabaseOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Equal(options.Problems(), result.Failures);
        Assert.True(new DatabaseOptionsValidator().Validate(null, new DatabaseOptions { Provider = "PostgreSQL", ConnectionString = "Host=127.0.0.1;Port=55432;Username=postgres" }).Succeeded);
    }
}
