using CertPlatform.Web.Domain.Statistics;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>Statistics of an uploaded results matrix (e.g. a paper-based sitting): the same figures as a paper's, or the problems by row and column.</summary>
public sealed class UploadStatistics(UploadedMatrices uploads, IOptions<AnalyticsOptions> options)
{
    public async Task<UploadStatisticsResult> RunAsync(string userId, string fileName, Stream content, long length, CancellationToken ct)
    {
        if (length > MatrixFile.MaxBytes) return new UploadStatisticsResult(UploadStatisticsOutcome.TooLarge);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        ResultsMatrixResult parsed;
        try { parsed = MatrixFile.Parse(fileName, buffer.ToArray()); }
        catch (MatrixFormatException e) { return new UploadStatisticsResult(UploadStatisticsOutcome.Unreadable, Reason: e.Message); }
        if (parsed.Matrix is null) return new UploadStatisticsResult(UploadStatisticsOutcome.Invalid, Errors: parsed.Errors);
        var report = Analyse(Path.GetFileName(fileName), parsed.Matrix, options.Value.Flags);
        return new UploadStatisticsResult(UploadStatisticsOutcome.Analysed, report, await uploads.KeepAsync(userId, fileName, buffer.ToArray(), ct));
    }

    /// <summary>The report of a matrix with no question information (what the upload and the command line show).</summary>
    public static StatisticsReport Analyse(string title, ScoreMatrix matrix, FlagThresholds thresholds) =>
        StatisticsReport.Build(title, ItemAnalysis.Compute(matrix), new Dictionary<string, QuestionInfo>(), _ => null, thresholds, new Dictionary<string, string>());
}
