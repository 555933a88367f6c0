namespace CertPlatform.Web.Features.Analytics;

/// <summary>What the shared report partial needs: the report, where its exports live, and how the question table is sorted.</summary>
public sealed record ReportView(StatisticsReport Report, string ExportUrl, string SortUrl, string Sort, bool Descending)
{
    public static readonly string[] SortKeys = ["slot", "attempts", "facility", "sd", "discrimination", "efficiency", "flags"];

    public IEnumerable<QuestionRow> Sorted(IEnumerable<QuestionRow> rows)
    {
        Func<QuestionRow, double> key = Sort switch
        {
            "attempts" => r => r.Stats.Attempts,
            "facility" => r => r.Stats.Facility ?? double.NaN,
            "sd" => r => r.Stats.StandardDeviation ?? double.NaN,
            "discrimination" => r => r.Stats.DiscriminationIndex ?? double.NaN,
            "efficiency" => r => r.Stats.DiscriminativeEfficiency ?? double.NaN,
            "flags" => r => r.Flags.Count,
            _ => _ => 0,
        };
        var list = rows.ToList();
        var order = Enumerable.Range(0, list.Count);
        // Blank figures (NaN) sort last either way; ties keep paper order.
        var sorted = Descending
            ? order.OrderBy(i => double.IsNaN(key(list[i]))).ThenByDescending(i => double.IsNaN(key(list[i])) ? 0 : key(list[i])).ThenBy(i => i)
            : order.OrderBy(i => double.IsNaN(key(list[i]))).ThenBy(i => double.IsNaN(key(list[i])) ? 0 : key(list[i])).ThenBy(i => i);
        return sorted.Select(i => list[i]);
    }

    public string SortLink(string key) => $"{SortUrl}{(SortUrl.Contains('?') ? '&' : '?')}sort={key}&desc={(key == Sort && !Descending ? "true" : "false")}";
}
