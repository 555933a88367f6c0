using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CertPlatform.UnitTests.Features.QuestionBank.Formats;

/// <summary>Structural comparison of questions (records with list fields do not compare by value).</summary>
internal static class QuestionAssert
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Canonical(Question q) => JsonSerializer.Serialize(q, Options);

    public static void Same(Question expected, Question actual) => Assert.Equal(Canonical(expected), Canonical(actual));

    public static void Same(IReadOnlyList<Question> expected, IEnumerable<Question> actual)
    {
        var list = actual.ToList();
        Assert.Equal(expected.Count, list.Count);
        for (var i = 0; i < expected.Count; i++) Same(expected[i], list[i]);
    }
}

public sealed class GiftFormatTests
{
    private const string File = "moodle-export.txt";

    private static ImportResult Ok(string gift, string file = File)
    {
        var result = GiftFormat.Parse(file, gift);
        Assert.True(result.Ok, string.Join("\n", result.Issues));
        return result;
    }

    private static ImportIssue SingleError(string gift)
    {
        var result = GiftFormat.Parse(File, gift);
        Assert.False(result.Ok);
        return Assert.Single(result.Issues, i => !i.Skipped);
    }

    // ------------------------------------------------------------ fixtures in Moodle's documented style

    private const string MoodleFixture = """
        // 第一部分 客户关系管理 —— 练习题（Moodle 导出）
        // question: 101  name: p1-swot-q01
        $CATEGORY: $course$/top/第一部分/SWOT

        ::p1-swot-q01::SWOT 分析中的“O”指的是（  ）。{
        	~优势#S 是内部因素。
        	=机会#正确！
        	~劣势
        	~威胁
        	####SWOT 中 O 即 Opportunities（机会），属于外部环境因素。
        }

        // 多选：权重为正的是正确答案
        ::p1-swot-q02::[markdown]以下属于**外部**因素的是（  ）。{
        	~%50%机会#对
        	~%50%威胁
        	~%-100%优势
        	~%-100%劣势
        }

        ::p1-crm-tf::客户关系管理只关注新客户的获取。{FALSE#错，CRM 同样重视客户保持。####CRM 强调客户终身价值。}

        ::Grant's tomb::Who's buried in Grant's tomb?{=no one =nobody =%50%Grant#close}

        客户终身价值的英文缩写是 {=CLV =CLTV} ，它衡量一个客户在整个关系期间带来的价值。

        Grant is {~buried =entombed ~living} in Grant's tomb.

        ::p1-crm-match::请将概念与其含义配对。{
        	=SWOT -> 态势分析
        	=CRM -> 客户关系管理
        	=CLV -> 客户终身价值
        }

        ::p1-essay::[html]论述企业如何提升客户满意度。{####应包括：了解需求；提升服务质量；建立反馈机制。}

        $CATEGORY: $course$/top/第二部分

        ::p2-escapes::比例 1\:2，公式 a \= b，符号 \~ \# \{x\} 与反斜杠 \\ 。\n第二行{T}

        ::p2-multiline::这是第一行
        // 题目中间的注释行
        这是第二行{
        	=对 ~错
        }
        """;

    [Fact]
    public void Moodle_style_file_reads_into_questions_of_every_gift_type()
    {
        var result = Ok(MoodleFixture);
        var q = result.Questions.Select(x => x.Question).ToList();
        Assert.Equal(10, q.Count);

        // $CATEGORY becomes a tag (Moodle's "$course$/top/" prefix removed); per-answer feedback is kept on options.
        string[] swot = ["第一部分/SWOT"], part2 = ["第二部分"];
        QuestionAssert.Same(new Question
        {
            Id = "p1-swot-q01", Type = QuestionType.Single, Stem = "SWOT 分析中的“O”指的是（  ）。", Tags = swot,
            Explanation = "SWOT 中 O 即 Opportunities（机会），属于外部环境因素。",
            Options = [new("优势", false, Feedback: "S 是内部因素。"), new("机会", true, Feedback: "正确！"), new("劣势", false), new("威胁", false)],
        }, q[0]);
        // Weights that differ from the platform's rule (−100 % for a wrong answer) are kept as they are.
        QuestionAssert.Same(new Question
        {
            Id = "p1-swot-q02", Type = QuestionType.Multiple, Stem = "以下属于**外部**因素的是（  ）。", Tags = swot,
            Options = [new("机会", true, Feedback: "对", Weight: 50), new("威胁", true, Weight: 50), new("优势", false, Weight: -100), new("劣势", false, Weight: -100)],
        }, q[1]);
        QuestionAssert.Same(new Question
        {
            Id = "p1-crm-tf", Type = QuestionType.TrueFalse, Stem = "客户关系管理只关注新客户的获取。", Tags = swot,
            Explanation = "CRM 强调客户终身价值。", TrueFalseAnswer = false,
        }, q[2]);
        Assert.Contains("判断题的答案反馈", Assert.Single(result.Questions[2].Notes).Message);
        // An invalid title (apostrophe, space) is kept as the title and gives an id derived from it; the 50 % answer
        // gets no full credit and is reported, with its feedback.
        Assert.StartsWith("gift-", q[3].Id);
        Assert.Equal(q[3].Id, Ok("::Grant's tomb::另一个文件里的同名题{T}", "other.gift").Questions[0].Question.Id);
        QuestionAssert.Same(new Question
        {
            Id = q[3].Id, Title = "Grant's tomb", Type = QuestionType.Fill, Stem = "Who's buried in Grant's tomb?{{1}}", Tags = swot,
            Blanks = [["no one", "nobody"]],
        }, q[3]);
        Assert.Equal(2, result.Questions[3].Notes.Count);
        // Without a title the id comes from the content: the same question in another file has the same id.
        Assert.Equal(q[4].Id, Ok("客户终身价值的英文缩写是 {=CLV =CLTV} ，它衡量一个客户在整个关系期间带来的价值。\n\n$CATEGORY: 第一部分/SWOT", "x.gift").Questions.Select(x => x.Question.Id).Single());
        QuestionAssert.Same(new Question
        {
            Id = q[4].Id, Type = QuestionType.Fill, Tags = swot,
            Stem = "客户终身价值的英文缩写是 {{1}} ，它衡量一个客户在整个关系期间带来的价值。", Blanks = [["CLV", "CLTV"]],
        }, q[4]);
        QuestionAssert.Same(new Question
        {
            Id = q[5].Id, Type = QuestionType.Single, Stem = "Grant is _____ in Grant's tomb.", Tags = swot,
            Options = [new("buried", false), new("entombed", true), new("living", false)],
        }, q[5]);
        Assert.NotEqual(q[4].Id, q[5].Id);
        QuestionAssert.Same(new Question
        {
            Id = "p1-crm-match", Type = QuestionType.Matching, Stem = "请将概念与其含义配对。", Tags = swot,
            Pairs = [new("SWOT", "态势分析"), new("CRM", "客户关系管理"), new("CLV", "客户终身价值")],
        }, q[6]);
        QuestionAssert.Same(new Question
        {
            Id = "p1-essay", Type = QuestionType.Essay, Stem = "论述企业如何提升客户满意度。", Points = 10, Tags = swot,
            Explanation = "应包括：了解需求；提升服务质量；建立反馈机制。", Rubric = "应包括：了解需求；提升服务质量；建立反馈机制。",
        }, q[7]);
        QuestionAssert.Same(new Question
        {
            Id = "p2-escapes", Type = QuestionType.TrueFalse, Stem = "比例 1:2，公式 a = b，符号 ~ # {x} 与反斜杠 \\ 。\n第二行", Tags = part2,
            TrueFalseAnswer = true,
        }, q[8]);
        QuestionAssert.Same(new Question
        {
            Id = "p2-multiline", Type = QuestionType.Single, Stem = "这是第一行\n这是第二行", Tags = part2,
            Options = [new("对", true), new("错", false)],
        }, q[9]);

        Assert.Equal(["第一部分/SWOT"], result.Questions.Take(8).Select(x => x.Category).Distinct());
        Assert.Equal(["第二部分"], result.Questions.Skip(8).Select(x => x.Category).Distinct());
        Assert.Equal([5, 14, 21, 23, 25, 27, 29, 35, 39, 41], result.Questions.Select(x => x.Line));
    }

    [Fact]
    public void Numerical_questions_and_descriptions_are_skipped_with_their_line_and_the_rest_imports()
    {
        var result = GiftFormat.Parse(File, """
            ::n1::1 + 1 等于几？{#2}

            ::n2::圆周率约为多少？{#3.14:0.01}

            这只是一段说明文字，没有答案。

            ::ok::地球是圆的。{T}
            """);
        Assert.True(result.Ok);
        Assert.Equal("ok", Assert.Single(result.Questions).Question.Id);
        Assert.Equal([1, 3, 5], result.Issues.Select(i => i.Line));
        Assert.All(result.Issues, i => Assert.True(i.Skipped));
        Assert.Contains("数值题", result.Issues[0].Message);
        Assert.Contains("说明", result.Issues[2].Message);
        Assert.Equal("ok", result.Questions[0].Question.Id);
        Assert.Equal(7, result.Questions[0].Line);
    }

    // ------------------------------------------------------------ malformed input

    [Fact]
    public void Unclosed_brace_names_its_line_and_the_import_is_not_ok()
    {
        var result = GiftFormat.Parse(File, """
            ::a::第一题{T}

            // 第二题少了右括号
            ::b::第二题{
            	=甲
            	~乙

            ::c::第三题{F}
            """);
        Assert.False(result.Ok);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(4, issue.Line);
        Assert.False(issue.Skipped);
        Assert.Contains("没有用“}”闭合", issue.Message);
        Assert.Equal(["a", "c"], result.Questions.Select(q => q.Question.Id)); // the rest is still read, but not Ok
    }

    [Theory]
    [InlineData("::m::请配对。{\n\t=甲 -> 乙\n}", 1, "至少需要两对")]
    [InlineData("::e::问题{=}", 1, "答案列表为空")]
    [InlineData("::e::问题{\n  ~\n}", 1, "答案列表为空")]
    [InlineData("::e::问题{~甲 ~}", 1, "空答案")]
    [InlineData("::e::问题{~甲}", 1, "至少需要两个答案")]
    [InlineData("::x::问题 } 在前{T}", 1, "之前没有“{”")]
    [InlineData("::x::问题{=甲 ~乙\n::y::下一题{T}", 1, "在第 2 行的下一个“{”之前没有闭合")]
    [InlineData("::x::问题{T}\n::y::下一题{F}", 2, "第 2 行有第二个答案块")]
    [InlineData("::x 问题{T}", 1, "没有用“::”结束")]
    [InlineData("::m::请配对。{\n\t=甲 -> 乙\n\t=丙 丁\n}", 3, "=左 -> 右")]
    [InlineData("::m::多选{~甲 ~乙 ~丙}", 1, "多选题至少需要一个正确选项")]
    [InlineData("::f::填空{=%50%差不多}", 1, "没有得满分的答案")]
    [InlineData("// @certplatform {\"v\":1}\n::a::甲{T}\n\n// @certplatform {\"v\":1}\n::a::乙{F}", 5, "重复使用（第一次在第 2 行）")]
    [InlineData("// @certplatform {\"difficulty\": 9}\n::a::甲{T}", 2, "难度应为 1–5")]
    [InlineData("// @certplatform {not json\n::a::甲{T}", 1, "注释无效")]
    [InlineData("// @certplatform {\"type\":\"ordering\"}\n::a::甲{T}", 2, "答案块必须为空")]
    [InlineData("// @certplatform {\"v\":1}\n\n::a::甲{T}", 1, "后面没有试题")]
    public void Malformed_input_gives_one_clear_error_naming_the_line(string gift, int line, string message)
    {
        var issue = SingleError(gift);
        Assert.Equal(line, issue.Line);
        Assert.Contains(message, issue.Message);
        Assert.Equal(File, issue.File);
    }

    [Fact]
    public void A_matching_distractor_is_reported_and_only_it_is_lost()
    {
        var result = GiftFormat.Parse(File, "::m::配对。{\n\t=甲 -> 乙\n\t=丙 -> 丁\n\t= -> 多余\n}");
        Assert.True(result.Ok);
        var read = Assert.Single(result.Questions);
        Assert.Equal([new MatchPair("甲", "乙"), new MatchPair("丙", "丁")], read.Question.Pairs);
        var note = Assert.Single(read.Notes);
        Assert.Equal(4, note.Line);
        Assert.Contains("多余", note.Message);
    }

    [Fact]
    public void Several_full_answers_are_single_choice_as_in_moodle()
    {
        var q = Assert.Single(Ok("::s::单选{=甲 =乙 ~丙}").Questions).Question;
        Assert.Equal(QuestionType.Single, q.Type);
        Assert.Equal([100m, 100m, 0m], q.Options.Select(o => o.Weight ?? -1));
        Assert.Equal(1m, Grader.Grade(q, new Response { Selected = [1] }).Score);
        Assert.Equal(0m, Grader.Grade(q, new Response { Selected = [2] }).Score);
    }

    [Fact]
    public void Options_made_of_punctuation_are_different_options()
    {
        var q = Assert.Single(Ok("::p::哪个符号开始一个答案块？{=\\{ ~\\} ~\\: ~\\=}").Questions).Question;
        Assert.Equal(["{", "}", ":", "="], q.Options.Select(o => o.Text));
    }

    [Fact]
    public void An_essay_without_general_feedback_imports_as_a_draft_with_a_note()
    {
        var result = Ok("::e1::论述如何提升客户满意度。{}\n\n::e2::第二道问答题{}");
        Assert.Equal(2, result.Questions.Count);
        Assert.All(result.Questions, r => Assert.Equal(QuestionStatus.Draft, r.Question.Status));
        Assert.All(result.Questions, r => Assert.Contains("评分要点", Assert.Single(r.Notes).Message));
    }

    [Fact]
    public void Html_text_is_converted_to_plain_text()
    {
        var q = Assert.Single(Ok("::h::[html]<p>客户<b>满意度</b>是什么？</p>{=<i>感受</i>#<p>对</p> ~价格}").Questions).Question;
        Assert.Equal("客户满意度是什么？", q.Stem);
        Assert.Equal(["感受", "价格"], q.Options.Select(o => o.Text));
        Assert.Equal("对", q.Options[0].Feedback);
    }

    [Fact]
    public void Oversize_input_is_rejected_without_reading_it()
    {
        var big = new string('a', (int)ImportLimits.MaxBytes + 1);
        var result = GiftFormat.Parse(File, big);
        Assert.False(result.Ok);
        Assert.Empty(result.Questions);
        Assert.Contains("MB", Assert.Single(result.Issues).Message);

        // Counted in UTF-8 bytes: 6 million Chinese characters are 18 MB.
        var chinese = GiftFormat.Parse(File, new string('题', 6_000_000));
        Assert.False(chinese.Ok);

        Assert.True(GiftFormat.Parse(File, "::a::" + new string('题', 1_000_000) + "{T}").Ok);
    }

    [Fact]
    public void Garbage_never_throws()
    {
        foreach (var text in new[] { "", "{", "}", "::", "\\", "{#", "{~", "{=->}", "::a::{####}", "$CATEGORY:", "// @certplatform", "// @certplatform {\"parts\":[{}]}\n::a::{}", "\uFEFF::a::x{T}", "{{{}}}", "::a::b{=c->d =e->f ~g}", "x{\\}" })
        {
            var result = GiftFormat.Parse(File, text);
            Assert.NotNull(result);
        }
    }

    // ------------------------------------------------------------ writing

    private static Question Base(string id, QuestionType type) => new()
    {
        Id = id, Type = type, Stem = $"题干 {id}：特殊字符 ~ = # {{ }} : \\ 与“引号”\n第二行",
        Explanation = "解析：见第 1 节 #定义 {重点}。", Difficulty = 4, LessonId = "p1-swot", Anchor = "definition",
        Tags = ["概念", "易错"], Status = QuestionStatus.Draft, Points = 2.5m,
    };

    private static readonly Question Single = Base("p1-q-single", QuestionType.Single) with
    {
        Options = [new("优势 ~", false), new("=机会", true), new("%50% 劣势", false), new("[html]威胁", false)],
    };

    public static IEnumerable<object[]> EveryType()
    {
        yield return [Single];
        yield return [Base("p1-q-multiple", QuestionType.Multiple) with
        {
            Options = [new("甲", true), new("乙 -> 丙", true), new("丁 #", false), new("戊", true), new("己", false)],
        }];
        yield return [Base("p1-q-tf", QuestionType.TrueFalse) with { TrueFalseAnswer = false }];
        yield return [Base("p1-q-fill1", QuestionType.Fill) with { Stem = "客户终身价值的缩写是 {{1}} 。", Blanks = [["CLV", "C L V", "%100"]] }];
        yield return [Base("p1-q-fill-end", QuestionType.Fill) with { Stem = "缩写是{{1}}", Blanks = [["CLV"]] }];
        yield return [Base("p1-q-fill3", QuestionType.Fill) with
        {
            Stem = "{{1}} 分析包括 {{2}} 与 {{3}}。", Blanks = [["SWOT"], ["优势", "长处"], ["劣势", "a->b"]],
        }];
        yield return [Base("p1-q-matching", QuestionType.Matching) with
        {
            Pairs = [new("SWOT", "态势分析 -> 工具"), new("CRM", "客户关系管理"), new("a -> b", "箭头在左边")],
        }];
        yield return [Base("p1-q-ordering", QuestionType.Ordering) with { Items = ["识别客户", "区分客户", "互动", "定制 {x}"] }];
        yield return [Base("p1-q-essay", QuestionType.Essay) with { Rubric = "- 要点一\n- 要点二：满意度", Points = 10 }];
        yield return [Base("p1-q-case", QuestionType.Case) with
        {
            Scenario = "某公司 2024 年……\n（案例材料）",
            Parts =
            [
                Base("p1-q-case-a", QuestionType.Single) with { Options = [new("对", true), new("错", false)] },
                Base("p1-q-case-b", QuestionType.Essay) with { Rubric = "答出两点即可" },
                Base("p1-q-case-c", QuestionType.Fill) with { Stem = "{{1}}和{{2}}", Blanks = [["甲"], ["乙"]] },
            ],
        }];
        yield return [Base("p1-q-anchorless", QuestionType.TrueFalse) with { Anchor = null, Tags = [], Explanation = "", TrueFalseAnswer = true }];
        yield return [Base("Not A Valid Id:1", QuestionType.Essay) with { Rubric = " 前后有空格 ", Stem = "  前导空格\r\n与回车 ", Explanation = "\n尾随换行\n" }];
    }

    [Theory]
    [MemberData(nameof(EveryType))]
    public void Every_type_round_trips_exactly(Question question)
    {
        Assert.Empty(question.Validate());
        var gift = GiftFormat.Write([question]);
        var result = Ok(gift, "export.gift");
        QuestionAssert.Same(question, Assert.Single(result.Questions).Question);
    }

    [Fact]
    public void A_whole_bank_round_trips_with_categories()
    {
        var questions = EveryType().Select(x => (Question)x[0]).ToList();
        var gift = GiftFormat.Write(questions, q => q.Type == QuestionType.Case ? "$course$/top/案例" : "$course$/top/第一部分");
        var result = Ok(gift, "bank.txt");
        QuestionAssert.Same(questions, result.Questions.Select(x => x.Question));
        Assert.Equal(questions.Select(q => q.Type == QuestionType.Case ? "案例" : "第一部分"),
            result.Questions.Select(x => x.Category));
    }

    [Fact]
    public void Native_types_are_written_as_plain_gift_with_escapes()
    {
        var gift = GiftFormat.Write([Single]);
        Assert.Contains("::p1-q-single::题干 p1-q-single：特殊字符 \\~ \\= \\# \\{ \\} \\: \\\\ 与“引号”\\n第二行{\n", gift);
        Assert.Contains("\t~优势 \\~\n", gift);
        Assert.Contains("\t=\\=机会\n", gift);
        Assert.Contains("\t~%0%%50% 劣势\n", gift);
        Assert.Contains("\t####解析：见第 1 节 \\#定义 \\{重点\\}。\n}", gift);
        Assert.Contains("// @certplatform {\"v\":1,\"difficulty\":4,\"lessonId\":\"p1-swot\",\"anchor\":\"definition\",\"tags\":[\"概念\",\"易错\"],\"status\":\"draft\",\"points\":2.5", gift);

        var multiple = GiftFormat.Write([new Question
        {
            Id = "m", Type = QuestionType.Multiple, Stem = "多选",
            Options = [new("甲", true), new("乙", true), new("丙", true), new("丁", false)],
        }]);
        Assert.Contains("{\n\t~%33.33333%甲\n\t~%33.33333%乙\n\t~%33.33333%丙\n\t~%-33.33333%丁\n}", multiple);

        var fill = GiftFormat.Write([new Question { Id = "f", Type = QuestionType.Fill, Stem = "缩写是 {{1}} 。", Blanks = [["CLV", "CLTV"]] }]);
        Assert.Contains("::f::缩写是 {=CLV =CLTV} 。", fill);
    }

    [Fact]
    public void Without_the_metadata_comments_the_export_is_still_plain_gift()
    {
        var questions = EveryType().Select(x => (Question)x[0]).ToList();
        var gift = GiftFormat.Write(questions);
        var foreign = string.Join("\n", gift.Split('\n').Where(l => !l.StartsWith("// @certplatform", StringComparison.Ordinal)));
        var result = GiftFormat.Parse("other-tool.txt", foreign);
        Assert.DoesNotContain(result.Issues, i => i.Message.Contains("never closed") || i.Message.Contains("second answer block"));
        var read = result.Questions.Select(x => x.Question).ToDictionary(q => q.Id);
        Assert.Equal(QuestionType.Single, read["p1-q-single"].Type);
        Assert.Equal(QuestionType.Multiple, read["p1-q-multiple"].Type);
        Assert.Equal(QuestionType.Fill, read["p1-q-fill1"].Type);
        Assert.Equal(QuestionType.Essay, read["p1-q-ordering"].Type); // no GIFT equivalent: other tools see an essay
        Assert.Equal(QuestionType.Essay, read["p1-q-case"].Type);
    }

    // ------------------------------------------------------------ property: Write → Parse is exact

    [Property(MaxTest = 300)]
    public Property Write_then_parse_is_exact_for_generated_questions() =>
        Prop.ForAll(QuestionGen.Banks().ToArbitrary(), (List<Question> questions) =>
        {
            foreach (var q in questions) Assert.Empty(q.Validate());
            var gift = GiftFormat.Write(questions, q => q.Id.Length % 2 == 0 ? "$course$/top/偶数" : "$course$/top/奇数:甲");
            var result = GiftFormat.Parse("prop.txt", gift);
            Assert.True(result.Ok, string.Join("\n", result.Issues) + "\n" + gift);
            QuestionAssert.Same(questions, result.Questions.Select(x => x.Question));
        });

    /// <summary>
    /// Plain GIFT (what other tools read) carries text exactly as long as it is trimmed, has no '\r' and no leading
    /// format marker: the escaping alone round-trips, the metadata comment is not needed for it.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Plain_gift_without_metadata_carries_trimmed_text_exactly() =>
        Prop.ForAll(QuestionGen.Native().ToArbitrary(), (Question q) =>
        {
            var gift = GiftFormat.Write([q]);
            var plain = string.Join("\n", gift.Split('\n').Where(l => !l.StartsWith("// @certplatform", StringComparison.Ordinal)));
            var result = GiftFormat.Parse("plain.txt", plain);
            Assert.True(result.Ok, string.Join("\n", result.Issues) + "\n" + plain);
            var back = Assert.Single(result.Questions).Question;
            Assert.Equal(
                JsonSerializer.Serialize(new { q.Id, q.Type, q.Stem, q.Explanation, q.Options, q.TrueFalseAnswer, q.Blanks, q.Pairs }),
                JsonSerializer.Serialize(new { back.Id, back.Type, back.Stem, back.Explanation, back.Options, back.TrueFalseAnswer, back.Blanks, back.Pairs }));
        });
}

/// <summary>FsCheck generators for valid questions of every type with awkward text.</summary>
internal static class QuestionGen
{
    // GIFT syntax, escapes, Chinese, newlines, leading/trailing spaces; never the marker characters below.
    private static readonly string[] Pool =
    [
        "~", "=", "#", "{", "}", ":", "\\", "\\n", "\\:", "\n", "\r\n", "\r", "->", "%50%", "%-100%", "####", "//", "::",
        "$CATEGORY: x", "[html]", "[markdown]", " ", "  ", "\t", "T", "TRUE", "_____", "客户", "关系管理", "，", "。",
        "（  ）", "“引号”", "Grant's", "a b", "@certplatform", "{\"json\":1}", "　",
    ];

    private static readonly string[] Words = ["客户", "价值", "满意度", "服务", "渠道", "品牌", "ABC", "x"];

    /// <summary>One character per option/pair/item keeps them distinct, even after normalising.</summary>
    private const string Markers = "甲乙丙丁戊己庚辛壬癸";

    private static Gen<string> Text(bool solid) =>
        from n in Gen.Choose(0, 5)
        from parts in Gen.ArrayOf(Gen.Elements(Pool), n)
        from word in Gen.Elements(Words)
        from at in Gen.Choose(0, n)
        select solid ? string.Concat(parts.Take(at)) + word + string.Concat(parts.Skip(at)) : string.Concat(parts);

    private static Gen<string> Unique(int k) =>
        from before in Text(false)
        from after in Text(false)
        select before + Markers[k] + after;

    private static Gen<List<string>> UniqueList(int min, int max) =>
        from n in Gen.Choose(min, max)
        from items in Gen.CollectToList(Enumerable.Range(0, n).Select(Unique))
        select items;

    private static Gen<string> Id =>
        Gen.OneOf(
            Gen.Elements("p1-swot-q01", "q", "case-a", "x9"),
            Text(true));

    private static Gen<Question> Common(QuestionType type) =>
        from id in Id
        from stem in Text(true)
        from explanation in Text(false)
        from difficulty in Gen.Choose(1, 5)
        from lesson in Gen.OneOf(Gen.Constant(""), Gen.Constant("p1-swot"), Text(false))
        from anchor in Gen.OneOf(Gen.Constant<string?>(null), Text(false).Select(s => (string?)s))
        from tagCount in Gen.Choose(0, 3)
        from tags in Gen.ArrayOf(Text(false), tagCount)
        from status in Gen.Elements(QuestionStatus.Ready, QuestionStatus.Draft, QuestionStatus.Retired)
        from points in Gen.Choose(1, 200)
        select new Question
        {
            Id = id, Type = type, Stem = stem, Explanation = explanation, Difficulty = difficulty, LessonId = lesson,
            Anchor = anchor, Tags = tags, Status = status, Points = points / 10m,
        };

    private static Gen<Question> Of(QuestionType type) => type switch
    {
        QuestionType.Single =>
            from q in Common(type)
            from options in UniqueList(2, 8)
            from right in Gen.Choose(0, options.Count - 1)
            select q with { Options = options.Select((o, i) => new ChoiceOption(o, i == right)).ToList() },
        QuestionType.Multiple =>
            from q in Common(type)
            from options in UniqueList(3, 10)
            from flags in Gen.ArrayOf(Gen.Elements(true, false), options.Count)
            from forced in Gen.Choose(0, options.Count - 1)
            select q with { Options = options.Select((o, i) => new ChoiceOption(o, flags[i] || i == forced)).ToList() },
        QuestionType.TrueFalse =>
            from q in Common(type)
            from answer in Gen.Elements(true, false)
            select q with { TrueFalseAnswer = answer },
        QuestionType.Fill =>
            from q in Common(type)
            from n in Gen.Choose(1, 3)
            from pieces in Gen.ArrayOf(Text(false), n + 1)
            from blanks in Gen.ArrayOf(
                from count in Gen.Choose(1, 3)
                from answers in Gen.ArrayOf(Text(true), count)
                select (IReadOnlyList<string>)answers, n)
            select q with
            {
                Stem = string.Concat(pieces.Select((p, i) => p.Replace("{{", "{ {") + (i < n ? $"{{{{{i + 1}}}}}" : ""))),
                Blanks = blanks,
            },
        QuestionType.Matching =>
            from q in Common(type)
            from left in UniqueList(2, 10)
            from right in Gen.CollectToList(Enumerable.Range(0, left.Count).Select(Unique))
            select q with { Pairs = left.Zip(right, (l, r) => new MatchPair(l, r)).ToList() },
        QuestionType.Ordering =>
            from q in Common(type)
            from items in UniqueList(2, 10)
            select q with { Items = items },
        QuestionType.Essay =>
            from q in Common(type)
            from rubric in Text(true)
            select q with { Rubric = rubric },
        _ =>
            from q in Common(type)
            from scenario in Text(true)
            from count in Gen.Choose(1, 3)
            from parts in Gen.ArrayOf(Gen.Elements(PartTypes).SelectMany(Of), count)
            select q with { Scenario = scenario, Parts = parts.Select((p, i) => p with { Id = $"{p.Id}-{i}" }).ToList() },
    };

    private static readonly QuestionType[] PartTypes = Enum.GetValues<QuestionType>().Where(t => t != QuestionType.Case).ToArray();

    public static Gen<Question> Any() => Gen.Elements(Enum.GetValues<QuestionType>()).SelectMany(Of);

    private static readonly char[] GiftTrimmed = [' ', '\t', '\n', '\r', '\0', '\x0B'];

    /// <summary>Text as plain GIFT can hold it: trimmed, no '\r', no leading [html]-style marker.</summary>
    private static string Tame(string s, bool noArrow = false)
    {
        s = s.Replace("\r", "");
        if (noArrow) s = s.Replace("->", "→");
        while (true)
        {
            s = s.Trim(GiftTrimmed);
            if (s.StartsWith("[html]", StringComparison.Ordinal)) s = s["[html]".Length..];
            else if (s.StartsWith("[markdown]", StringComparison.Ordinal)) s = s["[markdown]".Length..];
            else return s;
        }
    }

    /// <summary>Questions of the types GIFT has natively, with valid ids and text plain GIFT can hold.</summary>
    public static Gen<Question> Native() =>
        from type in Gen.Elements(QuestionType.Single, QuestionType.Multiple, QuestionType.TrueFalse, QuestionType.Fill, QuestionType.Matching, QuestionType.Essay)
        from q in Of(type)
        where type != QuestionType.Fill || q.Blanks.Count == 1
        from id in Gen.Elements("p1-swot-q01", "q", "case-a", "x9")
        select q with
        {
            Id = id,
            Stem = Tame(q.Stem),
            // Without the metadata an essay's rubric is its general feedback, which must not be blank.
            Explanation = type == QuestionType.Essay && string.IsNullOrWhiteSpace(Tame(q.Explanation)) ? "要点" : Tame(q.Explanation),
            Options = q.Options.Select(o => o with { Text = Tame(o.Text) }).ToList(),
            Blanks = q.Blanks.Select(b => (IReadOnlyList<string>)b.Select(a => Tame(a, noArrow: true)).ToList()).ToList(),
            Pairs = q.Pairs.Select(p => new MatchPair(Tame(p.Left, noArrow: true), Tame(p.Right))).ToList(),
        };

    /// <summary>1–4 questions of any type with distinct ids.</summary>
    public static Gen<List<Question>> Banks() =>
        from n in Gen.Choose(1, 4)
        from qs in Gen.ArrayOf(Any(), n)
        select qs.Select((q, i) => q with { Id = $"{q.Id}-{i}" }).ToList();
}
