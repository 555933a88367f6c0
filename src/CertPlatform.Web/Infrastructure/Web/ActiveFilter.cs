namespace CertPlatform.Web.Infrastructure.Web;

/// <summary>
/// One filter condition a list page is showing (its field label and the value people see, e.g. 题型 / 单选), for the
/// summary line of the folded filter form (<c>Features/Shared/_FilterSummary.cshtml</c>).
/// </summary>
public sealed record ActiveFilter(string Label, string Value)
{
    /// <summary>The conditions that are set: pairs with an empty or missing value are left out.</summary>
    public static IReadOnlyList<ActiveFilter> Of(params (string Label, string? Value)[] pairs) =>
        pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => new ActiveFilter(p.Label, p.Value!.Trim())).ToList();
}
