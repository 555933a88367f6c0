using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Infrastructure;

/// <summary>Refuses to start with an unknown provider or an unusable connection string, naming the configuration key.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
