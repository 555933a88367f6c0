using System.Text.Json;
using System.Text.Json.Nodes;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.IntegrationTests.Features.QuestionBank;

/// <summary>
/// The import command's per-question choices (<c>--choice ID_OR_TITLE=…</c>, <c>--choices FILE.json</c> from a dry
/// run's report): each question the bank holds is updated, skipped or imported as new as chosen, overriding
/// <c>--on-existing</c>; a choice naming no question of the file changes nothing.
/// </summary>
public sealed class QuestionImportCommandChoiceTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;

    private const string Original = "::cc-one::第一题：客户满意度的核心是？{=感知与期望 ~价格}\n\n"
        + "::cc-two::第二题：服务补救的第一步是？{=道歉 ~解释}\n\n"
        + "::客户价值题::第三题：客户终身价值指什么？{=客户在整个关系期内带来的价值 ~单次消费}\n";

    private static string Edited => Original.Replace("？{", "（修订）？{", StringComparison.Ordinal);

    private async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await QuestionImportCommand.RunAsync(Factory.Services, ["import", .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(Factory.DataFolder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private Task<Dictionary<string, int>> Versions(string prefix) => Factory.ScopedAsync(db =>
        db.Questions.Where(q => q.Id.StartsWith(prefix)).ToDictionaryAsync(q => q.Id, q => q.CurrentVersion));

    private static List<string?> Ids(JsonDocument json, string list) =>
        json.RootElement.GetProperty(list).EnumerateArray().Where(e => e.TryGetProperty("id", out _)).Select(e => e.GetProperty("id").GetString()).ToList();

    [Fact]
    public async Task Per_question_choices_from_the_command_line_and_from_an_edited_dry_run_report_decide_each_question()
    {
        var file = WriteFile("cc.gift", Original);
        var first = await Run(file, "--lesson", "p3-basic-concepts", "--json");
        Assert.Equal(0, first.Code);
        string titled;
        using (var json = JsonDocument.Parse(first.Stdout))
            titled = json.RootElement.GetProperty("created").EnumerateArray().Single(e => e.GetProperty("title").GetString() == "客户价值题").GetProperty("id").GetString()!;
        Assert.StartsWith("gift-", titled);
        File.WriteAllText(file, Edited);

        // Dry run: import-wide "skip", but cc-one updated (by id) and the titled question imported as new (by title).
        var (code, stdout, _) = await Run(file, "--lesson", "p3-basic-concepts", "--on-existing", "skip", "--choice", "cc-one=update",
            "--choice", "客户价值题=new", "--dry-run", "--json");
        Assert.Equal(0, code);
        using (var dry = JsonDocument.Parse(stdout))
        {
            var updated = Assert.Single(dry.RootElement.GetProperty("updated").EnumerateArray());
            Assert.Equal("cc-one", updated.GetProperty("id").GetString());
            Assert.Equal("update", updated.GetProperty("choice").GetString());
            var created = Assert.Single(dry.RootElement.GetProperty("created").EnumerateArray());
            Assert.Equal(titled, created.GetProperty("id").GetString());
            Assert.Equal("new", created.GetProperty("choice").GetString());
            var skipped = Assert.Single(dry.RootElement.GetProperty("skipped").EnumerateArray());
            Assert.Equal("cc-two", skipped.GetProperty("id").GetString());
            Assert.Equal("skip", skipped.GetProperty("choice").GetString());
            Assert.Equal(3, skipped.GetProperty("line").GetInt32());
        }
        Assert.Equal(new Dictionary<string, int> { ["cc-one"] = 1, ["cc-two"] = 1 }, await Versions("cc-"));

        // The report, with cc-two's choice edited to "update", passed back: the file's choices apply, --on-existing skip to none.
        var report = JsonNode.Parse(stdout)!;
        report["skipped"]![0]!["choice"] = "update";
        var choices = WriteFile("cc-choices.json", report.ToJsonString());
        (code, stdout, _) = await Run(file, "--lesson", "p3-basic-concepts", "--on-existing", "skip", "--choices", choices, "--json");
        Assert.Equal(0, code);
        using (var done = JsonDocument.Parse(stdout))
        {
            Assert.Equal(["cc-one", "cc-two"], Ids(done, "updated"));
            Assert.Equal([titled + "-2"], Ids(done, "created"));
            Assert.Empty(done.RootElement.GetProperty("skipped").EnumerateArray());
        }
        Assert.Equal(new Dictionary<string, int> { ["cc-one"] = 2, ["cc-two"] = 2 }, await Versions("cc-"));
        var copies = await Factory.ScopedAsync(db => db.Questions.Where(q => q.Id == titled || q.Id == titled + "-2").ToDictionaryAsync(q => q.Id, q => q.CurrentVersion));
        Assert.Equal(new Dictionary<string, int> { [titled] = 1, [titled + "-2"] = 1 }, copies);
        var stem = await Factory.ScopedAsync(db => db.QuestionVersions.Where(v => v.QuestionId == "cc-two" && v.Version == 2).Select(v => v.PayloadJson).SingleAsync());
        Assert.Contains("（修订）", QuestionJson.Deserialize(stem).Stem);

        // A plain {"id or title": "choice"} object works too; --choice overrides the file.
        File.WriteAllText(file, Edited.Replace("（修订）", "（再修订）", StringComparison.Ordinal));
        var map = WriteFile("cc-map.json", """{"cc-one": "update", "cc-two": "update"}""");
        (code, _, _) = await Run(file, "--lesson", "p3-basic-concepts", "--on-existing", "skip", "--choices", map, "--choice", "cc-two=skip");
        Assert.Equal(0, code);
        Assert.Equal(new Dictionary<string, int> { ["cc-one"] = 3, ["cc-two"] = 2 }, await Versions("cc-"));
    }

    [Fact]
    public async Task A_choice_naming_no_question_of_the_file_or_a_new_one_or_a_bad_value_changes_nothing()
    {
        var file = WriteFile("cx.gift", Original.Replace("cc-", "cx-", StringComparison.Ordinal).Replace("客户价值题", "客户价值题X", StringComparison.Ordinal));
        Assert.Equal(0, (await Run(file, "--lesson", "p3-basic-concepts")).Code);
        File.WriteAllText(file, Edited.Replace("cc-", "cx-", StringComparison.Ordinal).Replace("客户价值题", "客户价值题X", StringComparison.Ordinal)
            + "\n::cx-three::新题？{=对 ~错}\n");

        var (code, stdout, _) = await Run(file, "--lesson", "p3-basic-concepts", "--choice", "cx-one=update", "--choice", "nope=update", "--json");
        Assert.Equal(1, code);
        using (var json = JsonDocument.Parse(stdout))
            Assert.Contains(json.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("“nope”", StringComparison.Ordinal));
        (code, _, var stderr) = await Run(file, "--lesson", "p3-basic-concepts", "--choice", "cx-three=update", "--lang", "en");
        Assert.Equal(1, code);
        Assert.Contains("cx.gift:7: error: --choice “cx-three”: the bank does not hold this question yet", stderr);
        Assert.Equal(new Dictionary<string, int> { ["cx-one"] = 1, ["cx-two"] = 1 }, await Versions("cx-"));

        (code, _, stderr) = await Run(file, "--choice", "cx-one=maybe");
        Assert.Equal(2, code);
        Assert.Contains("update, skip or new", stderr);
        (code, _, stderr) = await Run(file, "--choice", "cx-one");
        Assert.Equal(2, code);
        var broken = WriteFile("cx-bad.json", "{\n  \"cx-one\": \"update\",\n  oops\n}");
        (code, _, stderr) = await Run(file, "--choices", broken);
        Assert.Equal(2, code);
        Assert.Contains("cx-bad.json:3: not valid JSON", stderr);
        var wrongValue = WriteFile("cx-value.json", """{"cx-one": "later"}""");
        (code, _, stderr) = await Run(file, "--choices", wrongValue);
        Assert.Equal(2, code);
        Assert.Contains("\"cx-one\": the choice must be", stderr);
        Assert.False(await Factory.ScopedAsync(db => db.Questions.AnyAsync(q => q.Id == "cx-three")));
    }
}
