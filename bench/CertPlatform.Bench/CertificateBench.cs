using System.Diagnostics;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Infrastructure.Pdf;

/// <summary>
/// Certificate PDF throughput: render + sign 10,000 certificates with varying names on all cores. Memory is sampled
/// at 1k, 5k and 10k PDFs to show that nothing accumulates per certificate (fonts and the signing key are shared).
/// </summary>
internal static class CertificateBench
{
    private const int Count = 10_000;
    private static readonly int[] MemoryCheckpoints = [1_000, 5_000, 10_000];

    public static void Run()
    {
        var contentRoot = ContentSetup.ResolveContentRoot(null, Directory.GetCurrentDirectory());
        var template = CertificateTemplate.Load(Path.Combine(contentRoot, CertificateTemplate.DefaultRelativePath));
        var keyFolder = Path.Combine(Path.GetTempPath(), "certplatform-bench-" + Environment.ProcessId);
        var signer = CertificateSigner.LoadOrCreateDevelopment(Path.Combine(keyFolder, "signing-dev.pfx"));
        var renderer = new CertificatePdfRenderer(template, signer);

        // Names and organisations vary so that every PDF has its own font subset, as in production.
        const string surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
        const string given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽";
        CertificateContent Content(int i)
        {
            var name = $"{surnames[i % surnames.Length]}{given[i * 7 % given.Length]}{(i % 3 == 0 ? given[i * 13 % given.Length].ToString() : "")}";
            var sample = new CertificateContent(name, $"E{i:D8}", $"第{i % 37 + 1}营业部（{given[i % given.Length]}{surnames[i * 3 % surnames.Length]}支行）",
                "客户经理", "四级/中级工", $"CP-2026-{i:D6}", "客户经理四级认证考试（A卷）", 60 + i % 41,
                new DateOnly(2026, 11, 30), new DateOnly(2029, 11, 29), $"https://certs.example.com/verify/CP-2026-{i:D6}?k={i * 2654435761L % 0xFFFFFF:x6}",
                i % 10 == 0 ? $"CP-2023-{i:D6}" : null);
            return sample;
        }

        for (var i = 0; i < 50; i++) renderer.Render(Content(Count + i)); // warm-up: JIT, font parsing, signature size
        GC.Collect();

        var perPdfMs = new double[Count];
        var bytes = 0L;
        var done = 0;
        var memory = new List<string>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        // One worker per core: more would only queue behind each other and inflate the per-PDF times.
        Parallel.For(0, Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var sw = Stopwatch.StartNew();
            var pdf = renderer.Render(Content(i));
            perPdfMs[i] = sw.Elapsed.TotalMilliseconds;
            Interlocked.Add(ref bytes, pdf.Length);
            var n = Interlocked.Increment(ref done);
            if (MemoryCheckpoints.Contains(n))
            {
                var line = $"after {n,6:N0} PDFs: working set {Environment.WorkingSet / 1048576.0,6:0.0} MiB, " +
                           $"GC heap {GC.GetTotalMemory(false) / 1048576.0,6:0.0} MiB, committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0,6:0.0} MiB";
                lock (memory) memory.Add(line);
            }
        });
        total.Stop();
        // CPU time is what other processes on a shared machine cannot steal; it bounds throughput on idle cores.
        var cpuMsPerPdf = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Count;

        Array.Sort(perPdfMs);
        double P(double p) => perPdfMs[Math.Min(Count - 1, (int)Math.Ceiling(p * Count) - 1)];
        Console.WriteLine($"certificate PDFs (render + sign), {Count:N0} on {Environment.ProcessorCount} cores, Parallel.For:");
        Console.WriteLine($"  throughput {Count / total.Elapsed.TotalSeconds:0.0} PDFs/s ({total.Elapsed.TotalSeconds:0.00} s); average size {bytes / Count / 1024.0:0.0} KiB");
        Console.WriteLine($"  CPU {cpuMsPerPdf:0.00} ms per PDF (all threads, GC included) => at most {Environment.ProcessorCount * 1000 / cpuMsPerPdf:0} PDFs/s on {Environment.ProcessorCount} idle cores");
        Console.WriteLine($"  per PDF: p50={P(0.50):0.00} ms p99={P(0.99):0.00} ms max={perPdfMs[^1]:0.00} ms");
        foreach (var line in memory.Order(StringComparer.Ordinal)) Console.WriteLine("  " + line);
        Console.WriteLine($"  gen0/gen1/gen2 collections: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        try { Directory.Delete(keyFolder, recursive: true); } catch (IOException) { }
    }
}
