using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace CertPlatform.LoadDriver;

/// <summary>
/// A fixed piece of single-threaded work — 4 million steps of a xorshift generator, each reading and writing a random
/// slot of a 4 MiB table (arithmetic, branches, cache and memory latency) — timed several times and reported as the
/// fastest round, in milliseconds. On a virtual machine the host's speed varies by the hour (the same commit has served
/// 1.5–2.5× fewer saves per second at one hour than at another, with the guest idle and no steal time reported), so
/// absolute latencies and CPU per request from different runs cannot be compared without it: printed before every
/// scenario, it says whether two runs ran on the same machine speed. The fastest of several rounds filters out other
/// processes taking the core for a moment; a higher figure means a slower host (or a busy machine — the load average
/// next to it tells which). The work is compiled fully optimised at once and calls no library code, so the figure does
/// not change with how often it ran before in the process (tiered compilation).
/// </summary>
public static class HostSpeed
{
    private const int Rounds = 11;
    private static readonly int[] Table = new int[1 << 20];

    public static double MeasureMilliseconds()
    {
        Work(Table); // first round: page faults and caches
        var best = double.MaxValue;
        for (var i = 0; i < Rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            Work(Table);
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static long Work(int[] table)
    {
        var x = 88172645463325252UL;
        var sum = 0L;
        var mask = table.Length - 1;
        for (var i = 0; i < 4_000_000; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            var j = (int)x & mask;
            sum += table[j];
            table[j] = (int)(sum ^ (long)x);
            if ((sum & 1) == 0) sum += i;
            else sum -= i >> 1;
        }
        return sum;
    }
}
