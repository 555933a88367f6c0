using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace CertPlatform.LoadDriver;

/// <summary>
/// A fixed piece of single-threaded CPU work — JSON round trips, string hashing into a dictionary, SHA-256 — timed
/// several times and reported as the fastest round, in milliseconds. On a virtual machine the host's speed varies by the
/// hour (the same commit has served 1.5–2.5× fewer saves per second at one hour than at another, with the guest idle and
/// no steal time reported), so absolute latencies and CPU per request from different runs cannot be compared without it:
/// printed before every scenario, it says whether two runs ran on the same machine speed. The fastest of several rounds
/// filters out other processes taking the core for a moment; a higher figure means a slower host (or a busy machine —
/// the load average next to it tells which).
/// </summary>
public static class HostSpeed
{
    private const int Rounds = 11;

    public sealed record Item(int Id, string Name, double Score, bool Passed);

    public static double MeasureMilliseconds()
    {
        Work(); // first round pays for JIT and caches
        var best = double.MaxValue;
        for (var i = 0; i < Rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            Work();
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return best;
    }

    private static int Work()
    {
        var items = new List<Item>(2_000);
        for (var i = 0; i < 2_000; i++) items.Add(new Item(i, "学员-" + i, i * 0.5, i % 3 == 0));
        var total = 0;
        for (var round = 0; round < 4; round++)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(items);
            total += JsonSerializer.Deserialize<List<Item>>(json)!.Count;
            total += SHA256.HashData(json)[0];
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 50_000; i++)
        {
            var key = "q" + (i % 5_000);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return total + counts.Count;
    }
}
