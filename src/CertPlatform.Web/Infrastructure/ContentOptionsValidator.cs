using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Infrastructure;

/// <summary>Refuses to start with a content folder that does not exist or has no curriculum, naming the configuration key.</summary>
public sealed class ContentOptionsValidator(string startDirectory) : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options) =>
        options.Problem(startDirectory) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
