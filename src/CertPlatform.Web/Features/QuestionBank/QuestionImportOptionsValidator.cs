using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>Start-up check of the "QuestionImport" section.</summary>
public sealed class QuestionImportOptionsValidator : IValidateOptions<QuestionImportOptions>
{
    public ValidateOptionsResult Validate(string? name, QuestionImportOptions options) => options.BackgroundAboveBytes < 0
        ? ValidateOptionsResult.Fail($"{QuestionImportOptions.Section}:BackgroundAboveBytes must be 0 or more (bytes)")
        : ValidateOptionsResult.Success;
}
