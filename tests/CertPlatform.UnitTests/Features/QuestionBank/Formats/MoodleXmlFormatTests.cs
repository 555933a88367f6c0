using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml.Linq;
using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CertPlatform.UnitTests.Features.QuestionBank.Formats;

public sealed class MoodleXmlFormatTests
{
    // A file in the style Moodle's own exporter writes (qformat_xml): category pseudo-questions, html text in
    // CDATA with entities, per-answer feedback, combined feedback and Moodle's default values.
    private const string MoodleExport = """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
        <!-- question: 0  -->
          <question type="category">
            <category>
              <text>$course$/top/默认/市场营销基础</text>
            </category>
            <info format="moodle_auto_format">
              <text>营销基础题库</text>
            </info>
            <idnumber></idnumber>
          </question>
        <!-- question: 101  -->
          <question type="multichoice">
            <name>
              <text>p1-swot-q01</text>
            </name>
            <questiontext format="html">
              <text><![CDATA[<p dir="ltr" style="text-align: left;">SWOT 分析中的&ldquo;O&rdquo;指的是（&nbsp;&nbsp;）。</p>]]></text>
            </questiontext>
            <generalfeedback format="html">
              <text><![CDATA[<p>SWOT 中 O 即 Opportunities（机会），属于<strong>外部</strong>环境因素 &amp; 可被利用。</p>]]></text>
            </generalfeedback>
            <defaultgrade>1.0000000</defaultgrade>
            <penalty>0.3333333</penalty>
            <hidden>0</hidden>
            <idnumber></idnumber>
            <single>true</single>
            <shuffleanswers>true</shuffleanswers>
            <answernumbering>abc</answernumbering>
            <showstandardinstruction>0</showstandardinstruction>
            <correctfeedback format="html">
              <text>你的回答正确。</text>
            </correctfeedback>
            <partiallycorrectfeedback format="html">
              <text>你的回答部分正确。</text>
            </partiallycorrectfeedback>
            <incorrectfeedback format="html">
              <text>你的回答不正确。</text>
            </incorrectfeedback>
            <shownumcorrect/>
            <answer fraction="0" format="html">
              <text><![CDATA[<p>优势</p>]]></text>
              <feedback format="html">
                <text></text>
              </feedback>
            </answer>
            <answer fraction="100" format="html">
              <text><![CDATA[<p>机会</p>]]></text>
              <feedback format="html">
                <text><![CDATA[<p>对，外部因素。</p>]]></text>
              </feedback>
            </answer>
            <answer fraction="0" format="html">
              <text><![CDATA[<p>劣势</p>]]></text>
              <feedback format="html">
                <text></text>
              </feedback>
            </answer>
            <answer fraction="0" format="html">
              <text>&lt;p&gt;威胁 &amp;lt;T&amp;gt;&lt;/p&gt;</text>
              <feedback format="html">
                <text></text>
              </feedback>
            </answer>
            <tags>
              <tag><text>概念</text>
              </tag>
              <tag><text>certplatform:difficulty=2</text>
              </tag>
              <tag><text>certplatform:lesson=p1-swot</text>
              </tag>
              <tag><text>certplatform:anchor=definition</text>
              </tag>
            </tags>
          </question>
        <!-- question: 102  -->
          <question type="multichoice">
            <name>
              <text>外部环境因素（多选）</text>
            </name>
            <questiontext format="html">
              <text><![CDATA[<p>下列属于 PEST 分析中<em>外部宏观</em>环境的有：</p><ul><li>请选出所有正确项</li></ul>]]></text>
            </questiontext>
            <generalfeedback format="html">
              <text></text>
            </generalfeedback>
            <defaultgrade>2.0000000</defaultgrade>
            <penalty>0.3333333</penalty>
            <hidden>1</hidden>
            <idnumber></idnumber>
            <single>false</single>
            <shuffleanswers>true</shuffleanswers>
            <answernumbering>ABCD</answernumbering>
            <answer fraction="33.33333" format="html">
              <text>政治</text>
              <feedback format="html"><text></text></feedback>
            </answer>
            <answer fraction="33.33333" format="html">
              <text>经济</text>
              <feedback format="html"><text></text></feedback>
            </answer>
            <answer fraction="-50" format="html">
              <text>企业文化</text>
              <feedback format="html"><text></text></feedback>
            </answer>
            <answer fraction="33.33333" format="html">
              <text>技术</text>
              <feedback format="html"><text></text></feedback>
            </answer>
            <answer fraction="-50" format="html">
              <text>员工士气</text>
              <feedback format="html"><text></text></feedback>
            </answer>
          </question>
        <!-- question: 103  -->
          <question type="truefalse">
            <name>
              <text>p1-value-q02</text>
            </name>
            <questiontext format="moodle_auto_format">
              <text>顾客让渡价值等于顾客总价值减去顾客总成本。
        这是科特勒的定义。</text>
            </questiontext>
            <generalfeedback format="moodle_auto_format">
              <text>见教材第二节。</text>
            </generalfeedback>
            <defaultgrade>1.0000000</defaultgrade>
            <penalty>1.0000000</penalty>
            <hidden>0</hidden>
            <idnumber></idnumber>
            <answer fraction="100" format="moodle_auto_format">
              <text>true</text>
              <feedback format="html"><text></text></feedback>
            </answer>
            <answer fraction="0" format="moodle_auto_format">
              <text>false</text>
              <feedback format="html"><text></text></feedback>
            </answer>
          </question>
          <question type="category">
            <category>
              <text>$course$/top/默认/客户价值</text>
            </category>
          </question>
          <question type="shortanswer">
            <name>
              <text>p1-value-q03</text>
            </name>
            <questiontext format="html">
              <text><![CDATA[<p>顾客总价值与顾客总成本之差称为______。</p>]]></text>
            </questiontext>
            <generalfeedback format="html">
              <text></text>
            </generalfeedback>
            <defaultgrade>1.0000000</defaultgrade>
            <penalty>0.3333333</penalty>
            <hidden>0</hidden>
            <idnumber></idnumber>
            <usecase>0</usecase>
            <answer fraction="100" format="moodle_auto_format">
              <text>顾客让渡价值</text>
              <feedback format="html"><text></text></feedback>
            </answer>
            <answer fraction="100" format="moodle_auto_format">
              <text>让渡价值</text>
              <feedback format="html"><text></text></feedback>
            </answer>
            <answer fraction="50" format="moodle_auto_format">
              <text>价值</text>
              <feedback format="html"><text>只答对一半。</text></feedback>
            </answer>
          </question>
          <question type="matching">
            <name>
              <text>p1-swot-q05</text>
            </name>
            <questiontext format="html">
              <text><![CDATA[<p>将 SWOT 的各项与其性质<b>连线</b>。</p>]]></text>
            </questiontext>
            <generalfeedback format="html">
              <text></text>
            </generalfeedback>
            <defaultgrade>1.0000000</defaultgrade>
            <penalty>0.3333333</penalty>
            <hidden>0</hidden>
            <idnumber></idnumber>
            <shuffleanswers>true</shuffleanswers>
            <subquestion format="html">
              <text><![CDATA[<p>优势（S）</p>]]></text>
              <answer>
                <text>内部、有利</text>
              </answer>
            </subquestion>
            <subquestion format="html">
              <text><![CDATA[<p>威胁（T）</p>]]></text>
              <answer>
                <text>外部、不利</text>
              </answer>
            </subquestion>
            <subquestion format="html">
              <text><![CDATA[<p>机会（O）</p>]]></text>
              <answer>
                <text>外部、有利</text>
              </answer>
            </subquestion>
            <subquestion format="html">
              <text></text>
              <answer>
                <text>与 SWOT 无关</text>
              </answer>
            </subquestion>
          </question>
          <question type="essay">
            <name>
              <text>p1-swot-q07</text>
            </name>
            <questiontext format="html">
              <text><![CDATA[<p>请结合一家企业的实例，说明 SWOT 分析的步骤。</p>]]></text>
            </questiontext>
            <generalfeedback format="html">
              <text></text>
            </generalfeedback>
            <defaultgrade>10.0000000</defaultgrade>
            <penalty>0.0000000</penalty>
            <hidden>0</hidden>
            <idnumber></idnumber>
            <responseformat>editor</responseformat>
            <responserequired>1</responserequired>
            <responsefieldlines>15</responsefieldlines>
            <attachments>0</attachments>
            <attachmentsrequired>0</attachmentsrequired>
            <graderinfo format="html">
              <text><![CDATA[<ul><li>列出内部优势与劣势</li><li>列出外部机会与威胁</li></ul><p>给出<br/>对策</p><script>alert(1)</script>]]></text>
            </graderinfo>
            <responsetemplate format="html">
              <text></text>
            </responsetemplate>
          </question>
          <question type="ordering">
            <name>
              <text>顾问式销售流程</text>
            </name>
            <questiontext format="html">
              <text><![CDATA[<p>请将顾问式销售的步骤按正确顺序排列。</p>]]></text>
            </questiontext>
            <generalfeedback format="html">
              <text></text>
            </generalfeedback>
            <defaultgrade>1</defaultgrade>
            <penalty>0.3333333</penalty>
            <hidden>0</hidden>
            <idnumber></idnumber>
            <layouttype>VERTICAL</layouttype>
            <selecttype>ALL</selecttype>
            <selectcount>0</selectcount>
            <gradingtype>RELATIVE_NEXT_EXCLUDE_LAST</gradingtype>
            <showgrading>SHOW</showgrading>
            <correctfeedback format="html">
              <text>你的回答正确。</text>
            </correctfeedback>
            <answer fraction="1" format="moodle_auto_format">
              <text>建立关系</text>
            </answer>
            <answer fraction="2" format="moodle_auto_format">
              <text>发掘需求</text>
            </answer>
            <answer fraction="3" format="moodle_auto_format">
              <text>呈现方案</text>
            </answer>
            <answer fraction="4" format="moodle_auto_format">
              <text>促成交易</text>
            </answer>
          </question>
          <question type="numerical">
            <name>
              <text>增长率计算</text>
            </name>
            <questiontext format="html">
              <text>某产品销量从 100 增至 120，增长率为多少（%）？</text>
            </questiontext>
            <defaultgrade>1.0000000</defaultgrade>
            <answer fraction="100">
              <text>20</text>
              <tolerance>0</tolerance>
            </answer>
          </question>
          <question type="description">
            <name>
              <text>第二部分说明</text>
            </name>
            <questiontext format="html">
              <text>以下为第二部分。</text>
            </questiontext>
          </question>
        </quiz>
        """;

    private static ImportResult Parse(string xml, string file = "bank.xml") =>
        MoodleXmlFormat.Parse(file, new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    internal static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static string J(Question q) => JsonSerializer.Serialize(q, Json);

    private static string Issues(ImportResult r) => string.Join("\n", r.Issues);

    [Fact]
    public void Moodle_tags_and_course_tags_become_clean_tags_with_the_category_and_travel_back_through_an_export()
    {
        var r = Parse("""
            <quiz>
              <question type="category"><category><text>$course$/top/营销</text></category></question>
              <question type="truefalse">
                <name><text>tagged-tf</text></name>
                <questiontext format="plain_text"><text>VIP 客户需要维系。</text></questiontext>
                <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
                <tags><tag><text> 渠道 </text></tag><tag><text>渠道</text></tag><tag><text>  </text></tag><tag><text>营销</text></tag></tags>
                <coursetags><tag><text>本课程</text></tag></coursetags>
              </question>
            </quiz>
            """);
        Assert.True(r.Ok, Issues(r));
        var q = Assert.Single(r.Questions).Question;
        Assert.Equal(["渠道", "营销", "本课程"], q.Tags); // trimmed, once each, blank left out; the category is already a tag

        var xml = MoodleXmlFormat.Write([q]);
        var written = XDocument.Parse(xml).Descendants("tags").Single().Elements("tag").Select(t => t.Value).ToList();
        Assert.Equal(["渠道", "营销", "本课程"], written.Where(t => !t.StartsWith(MoodleXmlFormat.TagPrefix, StringComparison.Ordinal)));
        var back = Assert.Single(Parse(xml).Questions).Question;
        QuestionAssert.Same([q], [back]);
    }

    [Fact]
    public void Reads_a_moodle_export_with_every_supported_type()
    {
        var r = Parse(MoodleExport);
        Assert.True(r.Ok, Issues(r));
        Assert.Equal(7, r.Questions.Count);

        var single = r.Questions[0];
        Assert.Equal("默认/市场营销基础", single.Category);
        Assert.Equal(14, single.Line);
        var q = single.Question;
        Assert.Equal(("p1-swot-q01", QuestionType.Single), (q.Id, q.Type));
        Assert.Equal("SWOT 分析中的“O”指的是（  ）。", q.Stem);
        Assert.Equal("SWOT 中 O 即 Opportunities（机会），属于外部环境因素 & 可被利用。", q.Explanation);
        Assert.Equal(["优势", "机会", "劣势", "威胁 <T>"], q.Options.Select(o => o.Text));
        Assert.Equal([false, true, false, false], q.Options.Select(o => o.Correct));
        Assert.Equal((2, "p1-swot", "definition", 1m), (q.Difficulty, q.LessonId, q.Anchor, q.Points));
        Assert.Equal(["概念"], q.Tags);
        Assert.Equal(QuestionStatus.Ready, q.Status);

        q = r.Questions[1].Question;
        Assert.Equal(QuestionType.Multiple, q.Type);
        Assert.StartsWith("mdl-", q.Id);
        Assert.True(LessonParser.IsValidId(q.Id));
        Assert.Equal("下列属于 PEST 分析中外部宏观环境的有：\n请选出所有正确项", q.Stem);
        Assert.Equal(["政治", "经济", "技术"], q.Options.Where(o => o.Correct).Select(o => o.Text));
        Assert.Equal(5, q.Options.Count);
        Assert.Equal((2m, QuestionStatus.Draft, 3), (q.Points, q.Status, q.Difficulty));
        Assert.Equal("", q.LessonId);
        Assert.Null(q.Anchor);

        q = r.Questions[2].Question;
        Assert.Equal((QuestionType.TrueFalse, true), (q.Type, q.TrueFalseAnswer));
        Assert.Equal("顾客让渡价值等于顾客总价值减去顾客总成本。\n这是科特勒的定义。", q.Stem);
        Assert.Equal("默认/市场营销基础", r.Questions[2].Category);

        var fill = r.Questions[3];
        Assert.Equal("默认/客户价值", fill.Category);
        q = fill.Question;
        Assert.Equal(QuestionType.Fill, q.Type);
        Assert.Equal("顾客总价值与顾客总成本之差称为______。{{1}}", q.Stem);
        Assert.Equal(["顾客让渡价值", "让渡价值"], Assert.Single(q.Blanks)); // the 50 % answer is not accepted

        q = r.Questions[4].Question;
        Assert.Equal(QuestionType.Matching, q.Type);
        Assert.Equal("将 SWOT 的各项与其性质连线。", q.Stem);
        Assert.Equal([new MatchPair("优势（S）", "内部、有利"), new MatchPair("威胁（T）", "外部、不利"), new MatchPair("机会（O）", "外部、有利")], q.Pairs);

        q = r.Questions[5].Question;
        Assert.Equal((QuestionType.Essay, 10m), (q.Type, q.Points));
        Assert.Equal("列出内部优势与劣势\n列出外部机会与威胁\n给出\n对策", q.Rubric);

        q = r.Questions[6].Question;
        Assert.Equal(QuestionType.Ordering, q.Type);
        Assert.StartsWith("mdl-", q.Id);
        Assert.Equal(["建立关系", "发掘需求", "呈现方案", "促成交易"], q.Items);

        // numerical and a plain description are reported, not dropped silently
        var skipped = r.Issues.Where(i => i.Skipped).ToList();
        Assert.Equal(2, skipped.Count);
        Assert.Contains(skipped, i => i.Message.Contains("numerical") && i.Line > 0);
        Assert.Contains(skipped, i => i.Message.Contains("description"));
        Assert.All(r.Questions, iq => Assert.Empty(iq.Question.Validate()));
    }

    [Fact]
    public void Generated_ids_are_stable_and_unique()
    {
        var a = Parse(MoodleExport).Questions.Select(q => q.Question.Id).ToList();
        var b = Parse(MoodleExport).Questions.Select(q => q.Question.Id).ToList();
        Assert.Equal(a, b);
        Assert.Equal(a.Count, a.Distinct().Count());

        // a name that is a valid id but already used gets a generated one
        var twice = Parse("""
            <quiz>
              <question type="truefalse"><name><text>q1</text></name><questiontext><text>甲</text></questiontext>
                <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>
              <question type="truefalse"><name><text>q1</text></name><questiontext><text>乙</text></questiontext>
                <answer fraction="0"><text>true</text></answer><answer fraction="100"><text>false</text></answer></question>
            </quiz>
            """);
        Assert.True(twice.Ok, Issues(twice));
        Assert.Equal("q1", twice.Questions[0].Question.Id);
        Assert.StartsWith("mdl-", twice.Questions[1].Question.Id);
        Assert.False(twice.Questions[1].Question.TrueFalseAnswer);
    }

    [Fact]
    public void Html_is_reduced_to_text_safely()
    {
        var r = Parse("""
            <quiz>
              <question type="essay">
                <name><text>e1</text></name>
                <questiontext format="html"><text><![CDATA[<div><!-- note --><style>p{color:red}</style><p title="a>b">甲 &lt;b&gt; 乙&#x4E19;</p><img src="https://example.org/x.png" alt="图"><p>1 < 2 &amp;&amp; 3 > 2</p><script type="text/javascript">document.write('x')</script></div>]]></text></questiontext>
                <graderinfo format="html"><text><![CDATA[<table><tr><td>要点</td><td>分值</td></tr></table>]]></text></graderinfo>
              </question>
            </quiz>
            """);
        Assert.True(r.Ok, Issues(r));
        var q = r.Questions[0].Question;
        Assert.Equal("甲 <b> 乙丙\n[图片]\n1 < 2 && 3 > 2", q.Stem);
        Assert.Equal("要点 分值", q.Rubric);
    }

    [Fact]
    public void Malformed_xml_is_reported_with_its_line()
    {
        var r = Parse("<?xml version=\"1.0\"?>\n<quiz>\n  <question type=\"truefalse\">\n    <name><text>a</text></name>\n</quiz>\n");
        Assert.False(r.Ok);
        Assert.Empty(r.Questions);
        var issue = Assert.Single(r.Issues);
        Assert.False(issue.Skipped);
        Assert.Equal(5, issue.Line);
        Assert.Equal("bank.xml", issue.File);
        Assert.Contains("XML", issue.Message);
    }

    [Fact]
    public void Unknown_types_are_skipped_and_reported()
    {
        var r = Parse("""
            <quiz>
              <question type="ddwtos"><name><text>拖放</text></name><questiontext><text>[[1]]</text></questiontext></question>
              <question type="cloze"><name><text>完形</text></name><questiontext><text>{1:SHORTANSWER:=a}</text></questiontext></question>
              <question type="truefalse"><name><text>ok-1</text></name><questiontext><text>对吗</text></questiontext>
                <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>
            </quiz>
            """);
        Assert.True(r.Ok, Issues(r));
        Assert.Equal("ok-1", Assert.Single(r.Questions).Question.Id);
        Assert.Equal(2, r.Issues.Count);
        Assert.All(r.Issues, i => Assert.True(i.Skipped));
        Assert.Equal([2, 3], r.Issues.Select(i => i.Line));
        Assert.Contains("ddwtos", r.Issues[0].Message);
    }

    [Fact]
    public void Invalid_questions_are_hard_errors_with_their_line()
    {
        var r = Parse("""
            <quiz>
              <question type="multichoice"><name><text>m1</text></name><questiontext><text>只有两项</text></questiontext>
                <single>true</single>
                <answer fraction="100"><text>甲</text></answer></question>
              <question type="essay"><name><text>e1</text></name><questiontext><text>论述</text></questiontext></question>
            </quiz>
            """);
        Assert.False(r.Ok);
        Assert.Contains(r.Issues, i => i.Line == 2 && i.Message.Contains("单选题需要 2–8 个选项"));
        // An essay without grader information is no error: it comes in as a draft, and the preview says why.
        var essay = Assert.Single(r.Questions);
        Assert.Equal(QuestionStatus.Draft, essay.Question.Status);
        Assert.Contains(essay.Notes, n => n.Line == 5 && n.Message.Contains("评分要点"));
    }

    [Fact]
    public void Several_full_answers_weights_feedback_and_penalties_are_kept_and_written_again()
    {
        var r = Parse("""
            <quiz>
              <question type="multichoice"><name><text>Two right answers</text></name><idnumber>mc-two</idnumber>
                <questiontext format="html"><text><![CDATA[<p>哪些<b>正确</b>？</p>]]></text></questiontext>
                <single>false</single>
                <answer fraction="50"><text>甲</text><feedback><text>对了一半</text></feedback></answer>
                <answer fraction="50"><text>乙</text></answer>
                <answer fraction="-100"><text>丙</text></answer></question>
            </quiz>
            """);
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        var q = Assert.Single(r.Questions).Question;
        Assert.Equal("mc-two", q.Id);
        Assert.Equal("Two right answers", q.Title);
        Assert.Equal("哪些正确？", q.Stem);
        Assert.Equal([50m, 50m, -100m], q.Options.Select(o => o.Weight ?? 0));
        Assert.Equal("对了一半", q.Options[0].Feedback);
        // Moodle's rule: the chosen weights add up, never below 0.
        Assert.Equal(0m, Grader.Grade(q, new Response { Selected = [0, 2] }).Score);
        Assert.Equal(0.5m, Grader.Grade(q, new Response { Selected = [0] }).Score);

        var again = MoodleXmlFormat.Write([q]);
        Assert.Contains("fraction=\"-100\"", again);
        var back = Assert.Single(Parse(again).Questions).Question;
        Assert.Equal(J(q), J(back));
    }

    [Fact]
    public void A_doctype_with_an_external_entity_is_rejected_without_reading_it()
    {
        var secretFile = Path.Combine(Path.GetTempPath(), $"cp-secret-{Guid.NewGuid():N}.txt");
        const string secret = "TOP-SECRET-4711-passwd-like-content";
        File.WriteAllText(secretFile, secret);
        try
        {
            foreach (var target in new[] { new Uri(secretFile).AbsoluteUri, "file:///etc/passwd" })
            {
                var xml = $"""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE quiz [
                      <!ENTITY xxe SYSTEM "{target}">
                    ]>
                    <quiz>
                      <question type="essay">
                        <name><text>xxe</text></name>
                        <questiontext format="plain_text"><text>&xxe;</text></questiontext>
                        <graderinfo format="plain_text"><text>&xxe;</text></graderinfo>
                      </question>
                    </quiz>
                    """;
                var r = Parse(xml);
                Assert.False(r.Ok);
                Assert.Empty(r.Questions);
                var issue = Assert.Single(r.Issues);
                Assert.Equal(2, issue.Line);
                Assert.Contains("DTD", issue.Message);
                var everything = JsonSerializer.Serialize(new { r.Issues, Questions = r.Questions.Select(q => J(q.Question)) }, Json);
                Assert.DoesNotContain(secret, everything);
                Assert.DoesNotContain("root:", everything);
            }
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    [Fact]
    public void Entity_expansion_bombs_are_rejected()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
            ]>
            <quiz><question type="essay"><name><text>b</text></name><questiontext><text>&lol2;</text></questiontext></question></quiz>
            """;
        var r = Parse(xml);
        Assert.False(r.Ok);
        Assert.Contains("DTD", Assert.Single(r.Issues).Message);
    }

    [Fact]
    public void Oversize_files_are_rejected_before_parsing()
    {
        var big = new byte[ImportLimits.MaxBytes + 1];
        Array.Fill(big, (byte)' ');
        "<quiz>"u8.CopyTo(big);
        var r = MoodleXmlFormat.Parse("big.xml", new MemoryStream(big));
        Assert.False(r.Ok);
        Assert.Empty(r.Questions);
        Assert.Contains("MB", Assert.Single(r.Issues).Message);
    }

    [Fact]
    public void Not_a_moodle_file()
    {
        var r = Parse("<html><body>hi</body></html>");
        Assert.False(r.Ok);
        Assert.Contains("<quiz>", Assert.Single(r.Issues).Message);
    }

    [Fact]
    public void Round_trip_is_exact_for_every_type()
    {
        var questions = Samples.All();
        var xml = MoodleXmlFormat.Write(questions, q => q.LessonId.Length > 0 ? "第一部分/" + q.LessonId : null);
        var r = Parse(xml);
        Assert.True(r.Ok, Issues(r));
        Assert.Equal(questions.Select(J), r.Questions.Select(q => J(q.Question)));
        Assert.Equal(questions.Select(q => q.LessonId.Length > 0 ? "第一部分/" + q.LessonId : null), r.Questions.Select(q => q.Category));
        Assert.Empty(r.Issues);
    }

    [Fact]
    public void After_a_trip_through_moodle_the_extension_is_gone_and_case_and_multi_blank_fill_are_skipped()
    {
        // Moodle keeps tags but drops elements it does not know, such as <certplatform>.
        var doc = System.Xml.Linq.XDocument.Parse(MoodleXmlFormat.Write(Samples.All()));
        doc.Descendants(MoodleXmlFormat.Extension).Remove();
        var r = Parse(doc.ToString());
        Assert.True(r.Ok, Issues(r));
        Assert.Equal(["p1-swot-q01", "p1-swot-q02", "p1-tf", "p1-fill-1", "p1-match", "p1-order", "p1-essay"], r.Questions.Select(q => q.Question.Id));
        var skipped = r.Issues.Select(i => i.Message).ToList();
        Assert.Equal(4, skipped.Count); // multi-blank fill, case, and the case's two parts
        Assert.Contains(skipped, m => m.Contains("p1-case-q09a") && m.Contains("p1-case-q09"));
    }

    [Fact]
    public void Case_parts_join_their_case_wherever_they_stand()
    {
        var doc = System.Xml.Linq.XDocument.Parse(MoodleXmlFormat.Write([Samples.All()[^1]]));
        var questions = doc.Root!.Elements("question").ToList();
        questions[0].Remove();
        doc.Root.Add(questions[0]); // the case after its parts
        var r = Parse(doc.ToString());
        Assert.True(r.Ok, Issues(r));
        Assert.Equal(J(Samples.All()[^1]), J(Assert.Single(r.Questions).Question));
    }

    [Fact]
    public void Export_uses_moodle_types_and_tags_moodle_understands()
    {
        var xml = MoodleXmlFormat.Write(Samples.All());
        var doc = System.Xml.Linq.XDocument.Parse(xml);
        var types = doc.Root!.Elements("question").Select(e => (string?)e.Attribute("type")).ToList();
        Assert.Equal(["multichoice", "multichoice", "truefalse", "shortanswer", "description", "matching", "ordering", "essay", "description", "multichoice", "description"], types);
        Assert.All(doc.Descendants("questiontext"), e => Assert.Equal("plain_text", (string?)e.Attribute("format")));
        Assert.Contains(doc.Descendants("tag"), t => t.Value == "certplatform:difficulty=2");
        Assert.Contains(doc.Descendants("tag"), t => t.Value == "certplatform:case=p1-case-q09");
        var multiple = doc.Root.Elements("question").ElementAt(1);
        Assert.Equal(["50", "-50", "50", "-50"], multiple.Elements("answer").Select(a => (string?)a.Attribute("fraction")));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml);
    }

    public static class Samples
    {
        public static List<Question> All() =>
        [
            new Question
            {
                Id = "p1-swot-q01", Type = QuestionType.Single, Stem = "SWOT 分析中的“O”指的是（  ）。", Explanation = "O 即 Opportunities（机会）<外部>。",
                Difficulty = 2, LessonId = "p1-swot", Anchor = "definition", Tags = ["概念", "certplatform:fake"],
                Options = [new("优势", false), new("机会", true), new("劣势 & 威胁", false)],
            },
            new Question
            {
                Id = "p1-swot-q02", Type = QuestionType.Multiple, Stem = "以下属于外部因素的有：\n（多选）", Status = QuestionStatus.Draft, Points = 2.5m,
                Options = [new("机会", true), new("优势", false), new("威胁", true), new("劣势", false)], LessonId = "p1-swot",
            },
            new Question { Id = "p1-tf", Type = QuestionType.TrueFalse, Stem = "\"顾客\" 'value' = 总价值 − 总成本", TrueFalseAnswer = false, Status = QuestionStatus.Retired, Anchor = "" },
            new Question { Id = "p1-fill-1", Type = QuestionType.Fill, Stem = "差额称为{{1}}。", Blanks = [["顾客让渡价值", "让渡价值", "a/b|c"]] },
            new Question { Id = "p1-fill-2", Type = QuestionType.Fill, Stem = "顾客让渡价值 = {{1}} − {{2}}", Blanks = [["顾客总价值", "总价值"], ["顾客总成本"]], Explanation = "见 {#value}" },
            new Question { Id = "p1-match", Type = QuestionType.Matching, Stem = "连线", Pairs = [new("S", "内部有利"), new("T", "外部不利"), new("O", "外部有利")] },
            new Question { Id = "p1-order", Type = QuestionType.Ordering, Stem = "排序", Items = ["建立关系", "发掘需求", "呈现方案", "促成交易"], Difficulty = 5 },
            new Question { Id = "p1-essay", Type = QuestionType.Essay, Stem = "论述 SWOT。", Rubric = "- 内部\n- 外部", Points = 15 },
            new Question
            {
                Id = "p1-case-q09", Type = QuestionType.Case, Stem = "阅读案例，回答问题。", Scenario = "某公司……\n第二段 <b>不是标签</b>", Explanation = "案例解析", LessonId = "p1-swot",
                Parts =
                [
                    new Question { Id = "p1-case-q09a", Type = QuestionType.Single, Stem = "甲？", Options = [new("是", true), new("否", false)], Anchor = "case" },
                    new Question { Id = "p1-case-q09b", Type = QuestionType.Fill, Stem = "{{1}} 与 {{2}}", Blanks = [["一"], ["二", "贰"]] },
                ],
            },
        ];
    }

    // ---- property: any valid question survives Moodle XML exactly

    [Property(MaxTest = 300, Arbitrary = [typeof(QuestionArbitrary)])]
    public void Any_question_round_trips_through_moodle_xml(Question q)
    {
        var xml = MoodleXmlFormat.Write([q], _ => "分类/子类");
        var r = Parse(xml);
        Assert.True(r.Ok, Issues(r));
        var back = Assert.Single(r.Questions);
        Assert.Equal(J(q), J(back.Question));
        Assert.Equal("分类/子类", back.Category);
    }

    public static class QuestionArbitrary
    {
        public static Arbitrary<Question> Questions() => Arb.From(QuestionGenerator.Any);
    }
}

/// <summary>Valid questions of every type with awkward text: XML and HTML specials, GIFT specials, Chinese, newlines.</summary>
internal static class QuestionGenerator
{
    private static readonly string[] Noise =
    [
        "<", ">", "&", "\"", "'", "~", "=", "#", "{", "}", ":", "\n", "\r\n", "\r", "\t", " ", "  ", "，", "。", "]]>", "<p>", "</p>",
        "&amp;", "&nbsp;", "<![CDATA[", "--", "{{", "}}", "certplatform:", "\\", "/", "|", "$course$", "<!DOCTYPE x>", "&#x41;",
    ];

    private static readonly string[] Words = ["顾客", "价值", "营销", "a", "B", "42", "SWOT", "😀", "ＡＢＣ", "x1"];

    private static Gen<string> NoiseText(int max) =>
        Gen.Choose(0, max).SelectMany(n => Gen.ListOf(Gen.Elements(Noise), n)).Select(xs => string.Concat(xs));

    /// <summary>Text with at least one letter (so it is never blank or empty after answer normalising).</summary>
    private static readonly Gen<string> Text =
        from a in NoiseText(3)
        from w in Gen.Elements(Words)
        from b in NoiseText(3)
        from w2 in Gen.Elements(Words)
        from tail in Gen.Elements("", w2)
        select a + w + b + tail;

    private static readonly Gen<string> MaybeText = Gen.OneOf(Gen.Constant(""), Text);

    private static Gen<List<string>> Distinct(int min, int max, Func<string, string> key) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ListOf(Text, n))
            .Select(xs => xs.ToList())
            .Where(xs => xs.Select(key).Distinct().Count() == xs.Count && xs.All(x => key(x).Length > 0));

    private static readonly Gen<string> StemSegment = Text.Where(s => FillText.BlankNumbers(s).Count == 0);

    private static Gen<Question> Common(QuestionType type, string id) =>
        from stem in Text
        from explanation in MaybeText
        from difficulty in Gen.Choose(1, 5)
        from lesson in Gen.Elements("", "p1-swot", "p2-crm")
        from anchor in Gen.OneOf(Gen.Constant<string?>(null), Gen.Constant<string?>(""), Text.Select(t => (string?)t))
        // Tags as the bank keeps them: trimmed, each once (the editor's rule; what an import reads is cleaned the same way).
        from tags in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Gen.OneOf(Text, Text.Select(t => "certplatform:" + t)), n)).Select(ts => ts.Select(t => t.Trim()).Distinct())
        from status in Gen.Elements(QuestionStatus.Ready, QuestionStatus.Draft, QuestionStatus.Retired)
        from points in Gen.Elements(1m, 2m, 0.5m, 2.5m, 10m, 12.75m)
        select new Question
        {
            Id = id, Type = type, Stem = stem, Explanation = explanation, Difficulty = difficulty, LessonId = lesson,
            Anchor = anchor, Tags = tags.ToList(), Status = status, Points = points,
        };

    private static Gen<Question> OfType(QuestionType type, string id) => type switch
    {
        QuestionType.Single =>
            from q in Common(type, id)
            from options in Distinct(2, 6, AnswerNormalizer.Normalize)
            from right in Gen.Choose(0, options.Count - 1)
            select q with { Options = options.Select((o, i) => new ChoiceOption(o, i == right)).ToList() },
        QuestionType.Multiple =>
            from q in Common(type, id)
            from options in Distinct(3, 8, AnswerNormalizer.Normalize)
            from flags in Gen.ListOf(Gen.Elements(true, false), options.Count).Where(f => f.Any(x => x))
            select q with { Options = options.Select((o, i) => new ChoiceOption(o, flags.ElementAt(i))).ToList() },
        QuestionType.TrueFalse =>
            from q in Common(type, id)
            from answer in Gen.Elements(true, false)
            select q with { TrueFalseAnswer = answer },
        QuestionType.Fill =>
            from q in Common(type, id)
            from n in Gen.Choose(1, 3)
            from segments in Gen.ListOf(Gen.OneOf(Gen.Constant(""), StemSegment), n + 1)
            from blanks in Gen.ListOf(Distinct(1, 3, AnswerNormalizer.Normalize), n)
            select q with
            {
                Stem = segments.First() + string.Concat(segments.Skip(1).Select((s, i) => $"{{{{{i + 1}}}}}" + s)),
                Blanks = blanks.Select(b => (IReadOnlyList<string>)b).ToList(),
            },
        QuestionType.Matching =>
            from q in Common(type, id)
            from lefts in Distinct(2, 5, s => s)
            from rights in Distinct(lefts.Count, lefts.Count, s => s)
            select q with { Pairs = lefts.Zip(rights, (l, r) => new MatchPair(l, r)).ToList() },
        QuestionType.Ordering =>
            from q in Common(type, id)
            from items in Distinct(2, 6, s => s)
            select q with { Items = items },
        QuestionType.Essay =>
            from q in Common(type, id)
            from rubric in Text
            select q with { Rubric = rubric },
        _ =>
            from q in Common(type, id)
            from scenario in Text
            from n in Gen.Choose(1, 3)
            from partTypes in Gen.ListOf(Gen.Elements(QuestionType.Single, QuestionType.Multiple, QuestionType.TrueFalse, QuestionType.Fill,
                QuestionType.Matching, QuestionType.Ordering, QuestionType.Essay), n)
            from parts in Gen.CollectToList(partTypes.Select((t, i) => OfType(t, $"{id}-p{i + 1}")))
            select q with { Scenario = scenario, Parts = parts.ToList() },
    };

    public static readonly Gen<Question> Any =
        from type in Gen.Elements(Enum.GetValues<QuestionType>())
        from n in Gen.Choose(1, 999)
        from q in OfType(type, $"q-{n}")
        where q.Validate().Count == 0
        select q;
}
