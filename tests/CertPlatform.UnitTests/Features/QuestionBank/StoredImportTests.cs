using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Features.QuestionBank.Formats;

namespace CertPlatform.UnitTests.Features.QuestionBank;

public sealed class StoredImportTests
{
    private static readonly ImportTexts L = ImportTexts.Instance;

    [Fact]
    public void A_preview_survives_storage_with_rows_diffs_and_untranslated_messages()
    {
        var q = new Question
        {
            Id = "st-q1", Type = QuestionType.Single, Stem = "题干", LessonId = "p1-swot",
            Options = [new("对", true, Feedback: "很好", Weight: 100m), new("错", false, Weight: 25m)],
        };
        var note = new ImportIssue("bank.gift", 7, L["{0}：{1}", "st-q1", L["已跳过：{0}", "数值题"]], true);
        var summary = new ImportSummary(null, "bank.gift", BankFormat.Gift, "GB18030",
            [new ImportRow(q, 7, "测试/导入", ImportRowKind.Changed, 3, [new DiffLine('+', "新行"), new DiffLine('-', "旧行")], [note])],
            [new ImportIssue("bank.gift", 9, L["{0}：与第 {1} 行的试题完全相同", "st-q2", 4], true)], []);
        var json = new StoredImport(ImportJobState.Done, 1, 1, DateTimeOffset.UnixEpoch, StoredImport.From(summary)).Serialize();

        var stored = StoredImport.Deserialize(json)!;
        var id = Guid.NewGuid();
        var back = StoredImport.ToSummary(stored.Result!, id);
        Assert.Equal(id, back.ImportId);
        Assert.Equal(("bank.gift", BankFormat.Gift, "GB18030"), (back.FileName, back.Format, back.Encoding));
        var row = Assert.Single(back.Rows);
        Assert.Equal(QuestionJson.Serialize(q), QuestionJson.Serialize(row.Question));
        Assert.Equal((7, "测试/导入", ImportRowKind.Changed, (int?)3), (row.Line, row.Category, row.Kind, row.CurrentVersion));
        Assert.Equal(summary.Rows[0].Diff, row.Diff);
        Assert.Equal(note.ToString(), Assert.Single(row.Notes).ToString());
        Assert.Equal("bank.gift:9: 已跳过：st-q2：与第 4 行的试题完全相同", Assert.Single(back.Skipped).ToString());
        Assert.Empty(back.Errors);
    }

    [Fact]
    public void A_payload_of_another_shape_reads_as_nothing() =>
        Assert.Null(StoredImport.Deserialize("[{\"Question\":\"{}\",\"Kind\":0,\"Version\":null}]"));
}
