using System.Diagnostics;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;

// Micro-benchmarks of pure domain code (no I/O). Usage:
//   dotnet run -c Release --project bench/CertPlatform.Bench -- [blueprint|grading|all]
//   dotnet run -c Release --project bench/CertPlatform.Bench -- certificates   (10,000 PDFs, not part of "all")
//   dotnet run -c Release --project bench/CertPlatform.Bench -- records [count]   (HR exports against the real server, default 10,000 records; not part of "all")
//   dotnet run -c Release --project bench/CertPlatform.Bench -- accounts CONNECTION COUNT [PREFIX] [PASSWORD]   (bulk trainee accounts for bench/exam-load.sh)
//   dotnet run -c Release --project bench/CertPlatform.Bench -- statistics [attempts] [questions]   (item analysis of one paper, default 10,000 × 100; not part of "all")
//   dotnet run -c Release --project bench/CertPlatform.Bench -- checkpoint [seconds] [saves/s] [attempts] [rounds]   (the autosave writer alone: SQLite's inline vs background checkpoints; not part of "all")
// Prints percentiles over repeated runs; results are recorded in bench/RESULTS.md.
var what = args.FirstOrDefault() ?? "all";
if (what is "accounts") return CertPlatform.Bench.LoadAccounts.Run(args.Skip(1).ToArray());
if (what is "checkpoint") return await CertPlatform.Bench.WalCheckpointBench.RunAsync(args.Skip(1).ToArray());
if (what is "blueprint" or "all") BlueprintAssembly();
if (what is "grading" or "all") Grading();
if (what is "certificates") CertificateBench.Run();
if (what is "records") RecordsBench.Run(args.Skip(1).ToArray());
if (what is "statistics") StatisticsBench.Run(args.Skip(1).ToArray());
return 0;

static void Report(string name, List<double> ms, string unit = "ms")
{
    ms.Sort();
    double P(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
    Console.WriteLine($"{name}: n={ms.Count} p50={P(0.50):0.000} {unit} p95={P(0.95):0.000} {unit} p99={P(0.99):0.000} {unit} max={ms[^1]:0.000} {unit}");
}

static void BlueprintAssembly()
{
    // bench/TARGETS.md: blueprint assembly from a 10,000-question bank < 200 ms per paper.
    var rng = new Random(1);
    var bank = Enumerable.Range(0, 10_000).Select(i => new DrawCandidate(
        $"q{i}", $"part{1 + i % 4}", $"l{i % 76}", (i % 8) switch { 0 or 1 or 2 => "Single", 3 or 4 => "Multiple", 5 => "TrueFalse", 6 => "Fill", _ => "Case" },
        1 + rng.Next(5), i % 10 == 0 ? ["重点"] : [])).ToList();
    BlueprintSection[] paper =
    [
        new("第一部分 单选", 20, 1m, PartId: "part1", Type: "Single"), new("第一部分 多选", 8, 2m, PartId: "part1", Type: "Multiple"),
        new("第二部分", 25, 1.2m, PartId: "part2"), new("第三部分", 15, 1.33m, PartId: "part3"),
        new("第四部分", 10, 1.5m, PartId: "part4"), new("重点", 5, 1m, Tag: "重点"),
    ];
    var seen = bank.Take(1500).Select(c => c.Id).ToHashSet();
    for (var i = 0; i < 20; i++) Blueprint.Draw(paper, bank, seen, i); // warm-up
    var times = new List<double>();
    for (var i = 0; i < 500; i++)
    {
        var sw = Stopwatch.StartNew();
        Blueprint.Draw(paper, bank, seen, 1000 + i);
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    Report("blueprint draw, 83 questions in 6 sections from 10,000 (1,500 seen)", times);
}

static void Grading()
{
    var q = new Question
    {
        Id = "q", Type = QuestionType.Fill, Stem = "{{1}} 与 {{2}}", Blanks = [["顾客总价值", "Total Customer Value"], ["顾客总成本"]],
    };
    var r = new Response { Blanks = ["ｔｏｔａｌ　ｃｕｓｔｏｍｅｒ　ｖａｌｕｅ", "顾客总成本。"] };
    for (var i = 0; i < 10_000; i++) Grader.Grade(q, r);
    var times = new List<double>();
    for (var run = 0; run < 50; run++)
    {
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < 10_000; i++) Grader.Grade(q, r);
        times.Add(sw.Elapsed.TotalMilliseconds / 10_000 * 1000); // µs per answer
    }
    Report("fill-in grading with normalisation, per answer (batches of 10,000)", times, "µs");
}
