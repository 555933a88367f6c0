using Bunit;
using CertPlatform.Web.Content;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.ComponentTests;

public sealed class QuestionEditorTests : IDisposable
{
    private readonly BunitContext _ctx = new();
    private static readonly IReadOnlyList<Lesson> Lessons = ShippedContent.Catalog.Ordered;

    public QuestionEditorTests() => _ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");

    public void Dispose() => _ctx.Dispose();

    private IRenderedComponent<QuestionEditor> Render(QuestionForm form, bool isNew = false, Dictionary<string, string[]>? errors = null) =>
        _ctx.Render<QuestionEditor>(p => p
            .Add(x => x.Form, form.WithSpareRows())
            .Add(x => x.Lessons, Lessons)
            .Add(x => x.IsNew, isNew)
            .Add(x => x.Errors, errors ?? []));

    [Fact]
    public void Choice_questions_get_option_rows_bound_to_the_form_with_the_key_ticked()
    {
        var q = ShippedContent.Question("p1-swot-q01");
        var cut = Render(QuestionForm.From(q, 1));
        var texts = cut.FindAll("input[name$='].Text']");
        Assert.Equal(QuestionForm.OptionRows, texts.Count);
        Assert.Equal(q.Options.Select(o => o.Text), texts.Take(q.Options.Count).Select(i => i.GetAttribute("value")));
        var ticked = cut.FindAll("input[type=checkbox][name$='].Correct']").Select((c, i) => (c, i)).Where(x => x.c.HasAttribute("checked")).Select(x => x.i);
        Assert.Equal(q.Options.Select((o, i) => (o, i)).Where(x => x.o.Correct).Select(x => x.i), ticked);
        Assert.Empty(cut.FindAll("#BlanksText"));
        // Every visible control has a label.
        foreach (var input in cut.FindAll("input:not([type=hidden]), select, textarea"))
            Assert.True(cut.FindAll($"label[for='{input.Id}']").Count > 0 || input.Closest("label") is not null, $"unlabelled control {input.OuterHtml}");
    }

    [Theory]
    [InlineData(QuestionType.Fill, "#BlanksText")]
    [InlineData(QuestionType.Matching, "input[name='Pairs[0].Left']")]
    [InlineData(QuestionType.Ordering, "#ItemsText")]
    [InlineData(QuestionType.Essay, "#Rubric")]
    [InlineData(QuestionType.Case, "#PartsYaml")]
    [InlineData(QuestionType.TrueFalse, "input[name=TrueFalseAnswer][value=true]")]
    public void Each_type_shows_its_own_answer_fields(QuestionType type, string selector)
    {
        var cut = Render(new QuestionForm { Type = type }, isNew: true);
        Assert.Single(cut.FindAll(selector));
        Assert.Equal(type.ToString(), cut.Find("input[name=Type]").GetAttribute("value"));
        if (type != QuestionType.Single && type != QuestionType.Multiple) Assert.Empty(cut.FindAll("input[name$='].Correct']"));
        Assert.Equal(type == QuestionType.Case, cut.FindAll("#Scenario").Count == 1);
    }

    [Fact]
    public void Errors_appear_next_to_their_field_and_mark_it_invalid()
    {
        var errors = new Dictionary<string, string[]> { ["Stem"] = ["请填写题干"], ["Options"] = ["单选题必须且只能有一个正确选项"], [""] = ["总体错误"] };
        var cut = Render(new QuestionForm { Type = QuestionType.Single }, isNew: true, errors);
        Assert.Equal("请填写题干", cut.Find("#Stem-error").TextContent);
        Assert.Equal("true", cut.Find("#Stem").GetAttribute("aria-invalid"));
        Assert.Contains("Stem-error", cut.Find("#Stem").GetAttribute("aria-describedby"));
        Assert.Equal("单选题必须且只能有一个正确选项", cut.Find("#Options-error").TextContent);
        Assert.Contains("总体错误", cut.Find(".errors").TextContent);
        Assert.Null(cut.Find("#LessonId").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Editing_keeps_the_id_fixed_and_offers_the_lesson_anchors()
    {
        var q = ShippedContent.Question("p2-fab-selling-q01");
        var cut = Render(QuestionForm.From(q, 3));
        Assert.True(cut.Find("#Id").HasAttribute("readonly"));
        Assert.Equal(q.Id, cut.Find("input[type=hidden][name=Id]").GetAttribute("value"));
        Assert.Equal("3", cut.Find("input[name=BaseVersion]").GetAttribute("value"));
        var anchors = cut.FindAll("#anchors option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(ShippedContent.Catalog.Find(q.LessonId)!.Sections.Select(s => s.Anchor), anchors);
        Assert.Equal(q.LessonId, cut.Find("#LessonId option[selected]").GetAttribute("value"));
    }

    [Fact]
    public void A_form_round_trips_every_shipped_question()
    {
        foreach (var q in ShippedContent.Catalog.Questions.Select(b => b.Question))
        {
            var back = QuestionForm.From(q, 1).ToQuestion();
            Assert.Equal(QuestionJson.Serialize(q), QuestionJson.Serialize(back));
        }
    }

    [Fact]
    public void Option_feedback_and_weights_sit_in_a_collapsed_section_until_used()
    {
        var plain = Render(QuestionForm.From(ShippedContent.Question("p1-swot-q01"), 1));
        var section = plain.Find("details#option-extras");
        Assert.False(section.HasAttribute("open"));
        Assert.Equal("高级：选项反馈与分值", section.QuerySelector("summary")!.TextContent.Trim());
        Assert.Equal(QuestionForm.OptionRows, plain.FindAll("input[type=number][name$='].Weight']").Count);
        Assert.All(plain.FindAll("input[name$='].Weight']"), i => Assert.True(string.IsNullOrEmpty(i.GetAttribute("value"))));

        var weighted = new Question
        {
            Id = "w-q", Type = QuestionType.Multiple, Stem = "哪些属于外部因素？", LessonId = "p1-swot", Difficulty = 2, Points = 2,
            Options = [new("机会", true, Feedback: "对，机会来自外部。", Weight: 50m), new("威胁", true, Weight: 50m), new("优势", false, Feedback: "优势是内部条件。", Weight: -100m)],
        };
        var cut = Render(QuestionForm.From(weighted, 4));
        Assert.True(cut.Find("details#option-extras").HasAttribute("open"));
        Assert.Equal(["50", "50", "-100"], cut.FindAll("input[name$='].Weight']").Take(3).Select(i => i.GetAttribute("value")));
        Assert.Equal("对，机会来自外部。", cut.Find("input[name='Options[0].Feedback']").GetAttribute("value"));
        Assert.Equal("优势是内部条件。", cut.Find("input[name='Options[2].Feedback']").GetAttribute("value"));
        Assert.Empty(cut.FindAll("input[type=hidden][name$='].Weight'], input[type=hidden][name$='].Feedback']"));
        foreach (var input in cut.FindAll("#option-extras input"))
            Assert.True(cut.FindAll($"label[for='{input.Id}']").Count > 0, $"unlabelled control {input.OuterHtml}");
    }

    [Fact]
    public void Weight_errors_open_the_section_and_show_inside_it()
    {
        var errors = new Dictionary<string, string[]> { [QuestionFormValidator.OptionExtrasKey] = ["选项 B 的分值应在 -100% 到 100% 之间"] };
        var cut = Render(QuestionForm.From(ShippedContent.Question("p1-swot-q01"), 1), errors: errors);
        var section = cut.Find("details#option-extras");
        Assert.True(section.HasAttribute("open"));
        Assert.Equal("选项 B 的分值应在 -100% 到 100% 之间", section.QuerySelector("#OptionExtras-error")!.TextContent);
    }

    [Fact]
    public void Other_types_have_no_option_section() =>
        Assert.Empty(Render(new QuestionForm { Type = QuestionType.Essay }, isNew: true).FindAll("#option-extras"));
}
