using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Features.QuestionBank.Formats;

namespace CertPlatform.UnitTests.Features.QuestionBank.Formats;

/// <summary>
/// Odd-but-valid files as real tools and people write them (Corpus/: escapes, blank lines, comments, CRLF, BOM,
/// GBK, UTF-16, Moodle HTML, QTI 2.2 custom processing): each imports without an error, with what it loses named.
/// </summary>
public sealed class InterchangeCorpusTests
{
    internal static string Folder => Path.Combine(RepoPaths.Root, "tests", "CertPlatform.UnitTests", "Features", "QuestionBank", "Formats", "Corpus");

    internal static ImportResult Read(string name, out string? encoding)
    {
        using var stream = File.OpenRead(Path.Combine(Folder, name));
        return QuestionImport.Read(QuestionImport.Detect(name) ?? BankFormat.Qti, name, stream, out encoding);
    }

    [Theory]
    [InlineData("escapes-crlf-bom.gift", 4, "UTF-8")]
    [InlineData("essays-gbk.gift", 4, "GB18030")]
    [InlineData("utf16-bom.txt", 2, "UTF-16LE")]
    [InlineData("aiken-gb18030-crlf.txt", 2, "GB18030")]
    [InlineData("moodle4-html.xml", 2, null)]
    [InlineData("qti22-custom-processing.xml", 1, null)]
    public void Every_corpus_file_imports_without_errors(string name, int questions, string? encoding)
    {
        var r = Read(name, out var found);
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        Assert.Equal(questions, r.Questions.Count);
        Assert.Equal(encoding, found);
        Assert.All(r.Questions, q => Assert.Empty(q.Question.Validate()));
    }

    [Fact]
    public void Escapes_comments_and_crlf_read_as_moodle_reads_them()
    {
        var q = Read("escapes-crlf-bom.gift", out _).Questions.Select(x => x.Question).ToList();
        Assert.Equal("客户比例为 1:3，公式 a = b 成立吗？", q[0].Stem);
        Assert.Equal("{解析} 见教材 # 3", q[0].Explanation);
        Assert.Equal(["{", "}", ":", "="], q[1].Options.Select(o => o.Text));
        Assert.Equal(("对", "错"), (q[1].Options[0].Feedback, q[1].Options[1].Feedback));
        Assert.Equal("客户 _____ 是衡量服务质量的重要指标。", q[2].Stem);
        Assert.Equal("第一行\n第二行", q[3].Stem);
        Assert.All(q, x => Assert.Equal(["客户维系/基础"], x.Tags));
    }

    [Fact]
    public void Gbk_gift_with_essays_without_feedback_names_what_is_left_out()
    {
        var r = Read("essays-gbk.gift", out _);
        Assert.All(r.Questions.Take(2), x => Assert.Equal(QuestionStatus.Draft, x.Question.Status));
        Assert.Contains(r.Questions[2].Notes, n => n.Message.Contains("干扰项"));
        Assert.Contains(r.Questions[3].Notes, n => n.Message.Contains("LTV") && n.Line == 10);
        Assert.Equal(["CLV"], r.Questions[3].Question.Blanks[0]);
    }

    [Fact]
    public void Moodle_html_is_plain_text_and_idnumber_weights_and_hints_are_handled()
    {
        var r = Read("moodle4-html.xml", out _);
        var mc = r.Questions[0];
        Assert.Equal(("sat-q1", "满意度 Q1", QuestionStatus.Draft, 2m), (mc.Question.Id, mc.Question.Title, mc.Question.Status, mc.Question.Points));
        Assert.Equal("客户 满意度的定义是？", mc.Question.Stem); // the embedded image is the stem image, not a "[图片]" placeholder
        Assert.Equal(mc.Question.StemImage, Assert.Single(mc.Images).Key);
        Assert.Equal("image/png", mc.Images[mc.Question.StemImage!].ContentType);
        Assert.Equal("感知与期望之比", mc.Question.Options[0].Text);
        Assert.Equal(-33.33333m, mc.Question.Options[2].Weight);
        Assert.Contains(mc.Notes, n => n.Message.Contains("hint"));
        Assert.Equal(["默认/客户"], mc.Question.Tags);
        Assert.Equal("论述客户关系管理的意义。\n要求分点作答。", r.Questions[1].Question.Stem);
    }

    [Fact]
    public void Qti_2_2_custom_processing_made_of_match_and_correct_needs_no_note()
    {
        var q = Assert.Single(Read("qti22-custom-processing.xml", out _).Questions);
        Assert.Equal(("choice-22", "SWOT 中的 O 指什么？"), (q.Question.Id, q.Question.Stem));
        Assert.True(q.Question.Options[1].Correct);
        Assert.Empty(q.Notes);
    }
}
