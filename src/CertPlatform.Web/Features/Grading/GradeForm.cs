using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CertPlatform.Web.Features.Grading;

/// <summary>An examiner's score and comment for one item. The score is text so every mistake gets our own message.</summary>
public sealed class GradeForm
{
    public const int MaxCommentLength = 2000;

    public string? Score { get; set; }
    public string? Comment { get; set; }

    /// <summary>What the item allows (set by the server from the item, never bound from the request).</summary>
    [BindNever]
    public decimal ManualMax { get; set; }

    /// <summary>The score as a number: full-width digits and a comma as decimal separator are accepted.</summary>
    public decimal? ParsedScore =>
        decimal.TryParse((Score ?? "").Normalize(NormalizationForm.FormKC).Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var v) ? v : null;
}
