using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Infrastructure;

/// <summary>Refuses to start with an empty key folder path or one that names a file, naming the configuration key.</summary>
public sealed class DataProtectionKeysOptionsValidator(string contentRoot) : IValidateOptions<DataProtectionKeysOptions>
{
    public ValidateOptionsResult Validate(string? name, DataProtectionKeysOptions options) =>
        options.Problem(contentRoot) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
