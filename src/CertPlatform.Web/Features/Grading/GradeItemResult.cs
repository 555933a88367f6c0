namespace CertPlatform.Web.Features.Grading;

/// <summary>The outcome of saving a score, the validation errors, the next item to grade and whether the attempt became final.</summary>
public sealed record GradeItemResult(GradeItemOutcome Outcome, FluentValidation.Results.ValidationResult? Validation = null, string? NextToken = null, bool Finalised = false);
