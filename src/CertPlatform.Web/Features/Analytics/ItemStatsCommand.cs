using System.Globalization;
using CertPlatform.Web.Domain.Statistics;
using CertPlatform.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// <c>item-stats FILE [--out DIR]</c>: the statistics of a results matrix (CSV or XLSX) without a
/// database or web host. Prints the test figures and the question table; with <c>--out</c> writes
/// <c>test.csv</c> and <c>questions.csv</c> (Moodle's units). Problems are printed as
/// <c>FILE:row R, column C (X): message</c> in English, exit code 1; usage errors exit with 2.
/// </summary>
public static class ItemStatsCommand
{
    public static int? TryRun(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] != "item-stats") return null;
        string? file = null, outDir = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length) outDir = args[++i];
            else if (file is null && !args[i].StartsWith("--", StringComparison.Ordinal)) file = args[i];
            else
            {
                stderr.WriteLine($"item-stats: unexpected argument '{args[i]}'");
                file = null;
                break;
            }
        }
        if (file is null)
        {
            stderr.WriteLine("usage: item-stats FILE.csv|FILE.xlsx [--out DIR]");
            return 2;
        }
        return Run(file, outDir, stdout, stderr);
    }

    public static int Run(string file, string? outDir, TextWriter stdout, TextWriter stderr)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try { return Analyse(file, outDir, stdout, stderr, EnglishLocalizer()); }
        finally { CultureInfo.CurrentUICulture = culture; }
    }

    private static int Analyse(string file, string? outDir, TextWriter stdout, TextWriter stderr, IStringLocalizer L)
    {
        if (!File.Exists(file))
        {
            stderr.WriteLine($"{file}: file not found");
            return 2;
        }
        ResultsMatrixResult parsed;
        try { parsed = MatrixFile.Parse(file, File.ReadAllBytes(file)); }
        catch (MatrixFormatException e)
        {
            stderr.WriteLine($"{file}: {StatisticsText.Unreadable(L, e.Message)}");
            return 1;
        }
        if (parsed.Matrix is null)
        {
            foreach (var e in parsed.Errors) stderr.WriteLine($"{file}:{StatisticsText.Problem(L, e)}");
            return 1;
        }
        var report = UploadStatistics.Analyse(Path.GetFileName(file), parsed.Matrix, new FlagThresholds());
        foreach (var row in StatisticsTables.TestRows(report.Test)) stdout.WriteLine(string.Join("\t", row.Select(c => c.Text)));
        stdout.WriteLine();
        foreach (var row in StatisticsTables.QuestionRows(report)) stdout.WriteLine(string.Join("\t", row.Select(c => c.Text)));
        foreach (var flag in report.TestFlags) stdout.WriteLine(StatisticsText.Flag(L, flag));
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            File.WriteAllBytes(Path.Combine(outDir, "test.csv"), TableExport.Csv(StatisticsTables.TestRows(report.Test)));
            File.WriteAllBytes(Path.Combine(outDir, "questions.csv"), TableExport.Csv(StatisticsTables.QuestionRows(report)));
            stdout.WriteLine($"wrote {Path.Combine(outDir, "test.csv")} and {Path.Combine(outDir, "questions.csv")}");
        }
        return 0;
    }

    /// <summary>The site's own strings in English (like <c>lint</c>, the command line speaks English).</summary>
    private static IStringLocalizer EnglishLocalizer()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return factory.Create(typeof(SharedResource));
    }
}
