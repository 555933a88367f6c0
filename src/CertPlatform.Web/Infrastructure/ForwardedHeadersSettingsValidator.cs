using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Infrastructure;

/// <summary>Refuses to start with a proxy address or network that does not parse, naming the configuration key.</summary>
public sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options) =>
        options.FirstProblem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
