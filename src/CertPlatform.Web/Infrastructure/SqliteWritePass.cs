namespace CertPlatform.Web.Infrastructure;

/// <summary>A turn at <see cref="SqliteWriteGate"/>; disposing it lets the next writer in (a default pass holds nothing).</summary>
public readonly struct SqliteWritePass(SemaphoreSlim? writer) : IDisposable
{
    public void Dispose() => writer?.Release();
}
