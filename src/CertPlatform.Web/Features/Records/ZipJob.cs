using System.Text.Json.Serialization;

namespace CertPlatform.Web.Features.Records;

/// <summary>
/// A ZIP being built for one user: progress for the status page, then a one-time download. Stored as
/// <c>{ExportFolder}/jobs/{id}.json</c> so that every instance sharing the folder sees the same job.
/// </summary>
public sealed class ZipJob
{
    private int _done;

    public required string Id { get; init; }
    public required string OwnerId { get; init; }
    public required int Total { get; init; }
    public required string FileName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Last time the building instance wrote the job (progress or heartbeat): a queued or running job not updated for a while was lost with its instance.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    [JsonConverter(typeof(JsonStringEnumConverter<ZipJobState>))]
    public ZipJobState State { get; set; } = ZipJobState.Queued;

    /// <summary>Times the build was begun: a build that met an overloaded database is queued again (<see cref="ZipExportJobs.MaxAttempts"/>).</summary>
    public int Attempts { get; set; }

    public int Done
    {
        get => Volatile.Read(ref _done);
        set => Volatile.Write(ref _done, value);
    }

    internal void Report(int done) => Done = done;
}
