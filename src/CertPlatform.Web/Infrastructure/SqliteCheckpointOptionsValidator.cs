using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Infrastructure;

/// <summary>Refuses to start with a checkpoint setting out of range, naming the configuration key.</summary>
public sealed class SqliteCheckpointOptionsValidator : IValidateOptions<SqliteCheckpointOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteCheckpointOptions options) =>
        options.FirstProblem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
