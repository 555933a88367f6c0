namespace CertPlatform.Web.Features.Records;

/// <summary>A ZIP being built for one user: progress for the status page, then a one-time download.</summary>
public sealed class ZipJob
{
    private int _done;

    public required string Id { get; init; }
    public required string OwnerId { get; init; }
    public required int Total { get; init; }
    public required string FileName { get; init; }
    public required string FilePath { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; internal set; }
    public ZipJobState State { get; internal set; } = ZipJobState.Queued;
    public int Done => Volatile.Read(ref _done);
    internal void Report(int done) => Volatile.Write(ref _done, done);
}
