using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CertPlatform.Web.Infrastructure;

public static class ValidationExtensions
{
    /// <summary>Puts validator messages next to their fields (asp-validation-for).</summary>
    public static bool AddTo(this ValidationResult result, ModelStateDictionary modelState, string prefix = "")
    {
        foreach (var e in result.Errors)
            modelState.AddModelError(prefix.Length == 0 ? e.PropertyName : $"{prefix}.{e.PropertyName}", e.ErrorMessage);
        return result.IsValid;
    }

    /// <summary>A use case's errors by field ("" for the whole form) next to their fields.</summary>
    public static void AddTo(this IReadOnlyDictionary<string, string[]> errors, ModelStateDictionary modelState)
    {
        foreach (var (key, messages) in errors)
            foreach (var message in messages) modelState.AddModelError(key, message);
    }

    public static void AddTo(this IdentityResult result, ModelStateDictionary modelState, string key = "")
    {
        foreach (var e in result.Errors) modelState.AddModelError(key, e.Description);
    }
}
