using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Features.QuestionBank.Formats;
using CertPlatform.Web.Infrastructure;
using Xunit.Abstractions;

namespace CertPlatform.UnitTests.Features.QuestionBank.Formats;

/// <summary>
/// Random and mutated inputs for every reader: each must return (questions and issues with a line), never throw.
/// Runs <c>CERTPLATFORM_FUZZ_SECONDS</c> seconds per reader (2 by default; bench/fuzz-parsers.sh runs minutes and
/// records the counts in bench/FUZZ.md). The seed is printed so that a failure can be replayed.
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Syntax =
    [
        "{", "}", "~", "=", "#", "####", "::", "\\", "->", "%50%", "%-100%", "\n", "\r\n", "\n\n", "$CATEGORY: a", "// @certplatform {\"type\":\"case\"}",
        "A. ", "ANSWER: ", "<", ">", "</", "<![CDATA[", "]]>", "&amp;", "&#0;", "<!DOCTYPE x>", "<question type=\"multichoice\">", "\uFEFF",
        "<qti-choice-interaction>", "<qti-simple-choice identifier=\"a\">", "\"", ",", "选项A", "题型", "单选", "\0", "\uD800",
    ];

    private static IEnumerable<(string Name, BankFormat Format, byte[] Seed)> Seeds()
    {
        var questions = new Web.Content.ContentLoader().Load(RepoPaths.Content).Questions.Select(b => b.Question).Take(40).ToList();
        foreach (var file in Directory.EnumerateFiles(InterchangeCorpusTests.Folder))
            yield return (Path.GetFileName(file), QuestionImport.Detect(file) ?? BankFormat.Qti, File.ReadAllBytes(file));
        foreach (var format in Enum.GetValues<BankFormat>())
            yield return ($"export.{format}", format, QuestionExport.Write(questions, format, DateTimeOffset.UnixEpoch).Content);
    }

    private static byte[] Mutate(Random rng, byte[] seed)
    {
        var data = new List<byte>(seed);
        var steps = rng.Next(1, 8);
        for (var s = 0; s < steps; s++)
        {
            var at = data.Count == 0 ? 0 : rng.Next(data.Count);
            switch (rng.Next(6))
            {
                case 0 when data.Count > 0: data[at] = (byte)rng.Next(256); break;
                case 1: data.InsertRange(at, Encoding.UTF8.GetBytes(Syntax[rng.Next(Syntax.Length)])); break;
                case 2 when data.Count > 0: data.RemoveRange(at, Math.Min(rng.Next(1, 64), data.Count - at)); break;
                case 3 when data.Count > 0: data.RemoveRange(at, data.Count - at); break; // truncate
                case 4 when data.Count > 0: var len = Math.Min(rng.Next(1, 256), data.Count - at); data.InsertRange(at, data.GetRange(at, len)); break;
                default: data.InsertRange(at, Enumerable.Range(0, rng.Next(1, 16)).Select(_ => (byte)rng.Next(256))); break;
            }
        }
        return [.. data];
    }

    /// <summary>Mutates one entry of a zip (a QTI package or an XLSX) so the zip stays readable and the XML inside is fuzzed.</summary>
    private static byte[] MutateInsideZip(Random rng, byte[] seed)
    {
        try
        {
            using var ms = new MemoryStream();
            ms.Write(seed);
            using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
            {
                if (zip.Entries.Count == 0) return seed;
                var entry = zip.Entries[rng.Next(zip.Entries.Count)];
                byte[] content;
                using (var s = entry.Open()) { using var copy = new MemoryStream(); s.CopyTo(copy); content = copy.ToArray(); }
                var name = entry.FullName;
                entry.Delete();
                using var w = zip.CreateEntry(name).Open();
                w.Write(Mutate(rng, content));
            }
            return ms.ToArray();
        }
        catch (InvalidDataException) { return seed; }
    }

    private static void Check(ImportResult r)
    {
        Assert.All(r.Issues, i => Assert.True(i.Line >= 0 && i.Message.Length > 0));
        Assert.True(r.Ok || r.Issues.Any(i => !i.Skipped));
    }

    [Fact]
    public void No_reader_throws_on_random_or_mutated_input()
    {
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("CERTPLATFORM_FUZZ_SECONDS"), out var s) ? s : 2;
        var seed = Environment.GetEnvironmentVariable("CERTPLATFORM_FUZZ_SEED") is { } fixedSeed ? int.Parse(fixedSeed) : Environment.TickCount;
        output.WriteLine($"seed {seed}, {seconds} s per format");
        var rng = new Random(seed);
        var seeds = Seeds().ToList();
        foreach (var format in Enum.GetValues<BankFormat>())
        {
            var mine = seeds.Where(x => x.Format == format).Select(x => x.Seed).ToList();
            var clock = Stopwatch.StartNew();
            int runs = 0, withQuestions = 0;
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                var input = rng.Next(10) switch
                {
                    0 => Enumerable.Range(0, rng.Next(0, 2048)).Select(_ => (byte)rng.Next(256)).ToArray(),
                    1 => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, rng.Next(0, 64)).Select(_ => Syntax[rng.Next(Syntax.Length)]))),
                    2 or 3 when format is BankFormat.Qti or BankFormat.Xlsx => MutateInsideZip(rng, mine[rng.Next(mine.Count)]),
                    _ => Mutate(rng, mine[rng.Next(mine.Count)]),
                };
                ImportResult r;
                try
                {
                    r = QuestionImport.Read(format, "fuzz", new MemoryStream(input), out _);
                }
                catch (Exception ex)
                {
                    File.WriteAllBytes(Path.Combine(Path.GetTempPath(), $"fuzz-failure-{format}.bin"), input);
                    throw new Xunit.Sdk.XunitException($"{format} threw on input saved to fuzz-failure-{format}.bin (seed {seed}): {ex}");
                }
                Check(r);
                runs++;
                if (r.Questions.Count > 0) withQuestions++;
            }
            output.WriteLine($"{format}: {runs} inputs, {withQuestions} still gave questions, no exception");
        }
        for (var i = 0; i < 2000; i++) TabularFiles.DecodeText(Enumerable.Range(0, rng.Next(0, 64)).Select(_ => (byte)rng.Next(256)).ToArray(), out _);
    }
}
