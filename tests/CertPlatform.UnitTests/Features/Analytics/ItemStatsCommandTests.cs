using System.Globalization;
using CertPlatform.Web.Features.Analytics;

namespace CertPlatform.UnitTests.Features.Analytics;

public sealed class ItemStatsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("item-stats-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Writes_test_and_question_tables_in_moodles_units()
    {
        var file = Write("m.csv", "attempt,Q1,Q2,Q3\nmax,1,1,1\nt0,1,1,1\nt1,1,1,0\nt2,1,0,0\nt3,0,0,0\n");
        var outDir = Path.Combine(_folder, "out");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, ItemStatsCommand.TryRun(["item-stats", file, "--out", outDir], stdout, stderr));
        Assert.Equal("", stderr.ToString());
        var test = File.ReadAllLines(Path.Combine(outDir, "test.csv")).Select(l => l.TrimStart('\uFEFF').Replace("\"", "").Split(',')).ToDictionary(r => r[0], r => r[1]);
        foreach (var stat in new[] { "attempts", "mean", "median", "sd", "skewness", "kurtosis", "cronbach_alpha", "error_ratio", "standard_error" }) Assert.True(test.ContainsKey(stat), stat);
        Assert.Equal("4", test["attempts"]);
        Assert.Equal("50", test["mean"]);
        Assert.Equal("75", test["cronbach_alpha"]);
        Assert.Equal("50", test["error_ratio"]);
        Assert.Equal(100 * Math.Sqrt(5.0 / 3) / 3, double.Parse(test["sd"], CultureInfo.InvariantCulture), 3);
        var questions = File.ReadAllLines(Path.Combine(outDir, "questions.csv")).Select(l => l.TrimStart('\uFEFF').Replace("\"", "").Split(',')).ToList();
        var header = questions[0].ToList();
        foreach (var column in new[] { "question", "facility", "sd", "discrimination_index", "discriminative_efficiency" }) Assert.Contains(column, header);
        var q1 = questions.Single(r => r[0] == "Q1");
        Assert.Equal("75", q1[header.IndexOf("facility")]);
        Assert.Equal("52.2233", q1[header.IndexOf("discrimination_index")]);
        Assert.Equal("100", q1[header.IndexOf("discriminative_efficiency")]);
        Assert.Contains("cronbach_alpha\t75", stdout.ToString());
    }

    [Fact]
    public void Bad_files_are_reported_by_row_and_column_with_exit_code_1()
    {
        var file = Write("bad.csv", "attempt,Q1\nmax,1\nt0,2\n");
        var stderr = new StringWriter();
        Assert.Equal(1, ItemStatsCommand.TryRun(["item-stats", file], new StringWriter(), stderr));
        Assert.Contains($"{file}:row 3, column 2 (B): The mark 2 is outside 0 to the question's maximum.", stderr.ToString());
        Assert.Equal(2, ItemStatsCommand.TryRun(["item-stats"], new StringWriter(), new StringWriter()));
        Assert.Equal(2, ItemStatsCommand.TryRun(["item-stats", Path.Combine(_folder, "missing.csv")], new StringWriter(), new StringWriter()));
        Assert.Null(ItemStatsCommand.TryRun(["lint"], new StringWriter(), new StringWriter()));
    }
}
