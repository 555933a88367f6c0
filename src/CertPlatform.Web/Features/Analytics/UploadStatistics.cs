using CertPlatform.Web.Domain.Statistics;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>Statistics of an uploaded results matrix (e.g. a paper-based sitting): the same figures as a paper's, or the problems by row and column.</summary>
public sealed class UploadStatistics(UploadedMatrices uploads, IOptions<AnalyticsOptions> options)
{
    public enum Status { Analysed, Invalid, TooLarge, Unreadable }

    public sealed record Outcome(Status Status, StatisticsReport? Report = null, string? Token = null, IReadOnlyList<MatrixError>? Errors = null, string? Reason = null);

    public async Task<Outcome> RunAsync(string userId, string fileName, Stream content, long length, CancellationToken ct)
    {
        if (length > MatrixFile.MaxBytes) return new Outcome(Status.TooLarge);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        ResultsMatrixResult parsed;
        try { parsed = MatrixFile.Parse(fileName, buffer.ToArray()); }
        catch (MatrixFile.FormatException e) { return new Outcome(Status.Unreadable, Reason: e.Message); }
        if (parsed.Matrix is null) return new Outcome(Status.Invalid, Errors: parsed.Errors);
        var report = Analyse(Path.GetFileName(fileName), parsed.Matrix, options.Value.Flags);
        return new Outcome(Status.Analysed, report, await uploads.KeepAsync(userId, fileName, buffer.ToArray(), ct));
    }

    /// <summary>The report of a matrix with no question information (what the upload and the command line show).</summary>
    public static StatisticsReport Analyse(string title, ScoreMatrix matrix, FlagThresholds thresholds) =>
        StatisticsReport.Build(title, ItemAnalysis.Compute(matrix), new Dictionary<string, QuestionInfo>(), _ => null, thresholds, new Dictionary<string, string>());
}
