using Bunit;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.ComponentTests;

public sealed class QuestionPreviewTests : IDisposable
{
    private readonly BunitContext _ctx = new();

    public QuestionPreviewTests() => _ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");

    public void Dispose() => _ctx.Dispose();

    [Fact]
    public void No_shipped_question_preview_reveals_its_key_or_explanation()
    {
        foreach (var q in ShippedContent.Catalog.Questions.Select(b => b.Question))
        {
            var html = _ctx.Render<QuestionPreview>(p => p.Add(x => x.Question, q)).Markup;
            foreach (var part in new[] { q }.Concat(q.Parts))
            {
                if (part.Explanation.Length > 8) Assert.DoesNotContain(part.Explanation, html);
                if (part.Rubric.Length > 0) Assert.DoesNotContain(part.Rubric, html);
                foreach (var blank in part.Blanks)
                    foreach (var answer in blank.Where(a => a.Length >= 4 && !part.Stem.Contains(a)))
                        Assert.DoesNotContain(answer, html);
            }
            Assert.DoesNotContain("checked", html);
            Assert.DoesNotContain("correct", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Choice_preview_lists_every_option_with_a_disabled_control()
    {
        var q = ShippedContent.Question("p1-swot-q01");
        var cut = _ctx.Render<QuestionPreview>(p => p.Add(x => x.Question, q));
        Assert.Equal(q.Options.Count, cut.FindAll("input[type=radio][disabled]").Count);
        Assert.Contains(q.Stem, cut.Find(".stem").TextContent);
    }

    [Fact]
    public void Fill_preview_turns_each_blank_into_a_labelled_input()
    {
        var q = ShippedContent.Catalog.Questions.Select(b => b.Question).First(x => x.Type == QuestionType.Fill && x.Blanks.Count >= 2);
        var cut = _ctx.Render<QuestionPreview>(p => p.Add(x => x.Question, q));
        var inputs = cut.FindAll("input.blank");
        Assert.Equal(q.Blanks.Count, inputs.Count);
        Assert.All(inputs, i => Assert.Single(cut.FindAll($"label[for='{i.Id}']")));
        Assert.DoesNotContain("{{", cut.Markup);
    }

    [Fact]
    public void Matching_preview_does_not_list_right_items_in_key_order()
    {
        var q = new Question
        {
            Id = "m", Type = QuestionType.Matching, Stem = "配对",
            Pairs = [new("产品", "丁"), new("价格", "丙"), new("渠道", "乙"), new("促销", "甲")], // already in sorted order
        };
        var cut = _ctx.Render<QuestionPreview>(p => p.Add(x => x.Question, q));
        var options = cut.Find("select").QuerySelectorAll("option").Skip(1).Select(o => o.TextContent).ToList();
        Assert.NotEqual(q.Pairs.Select(p => p.Right), options);
        Assert.Equal(q.Pairs.Select(p => p.Right).Order(), options.Order());
    }

    [Fact]
    public void Ordering_preview_never_lists_items_in_the_correct_order()
    {
        foreach (var items in new[] { new[] { "A", "B", "C" }, new[] { "C", "A", "B" }, new[] { "问题认知", "信息收集", "方案评估" } })
        {
            var q = new Question { Id = "o", Type = QuestionType.Ordering, Stem = "排序", Items = items };
            var shown = _ctx.Render<QuestionPreview>(p => p.Add(x => x.Question, q)).FindAll(".ordering li").Select(li => li.TextContent).ToList();
            Assert.NotEqual(items, shown);
            Assert.Equal(items.Order(), shown.Order());
        }
    }

    [Fact]
    public void Case_preview_shows_the_scenario_and_every_part()
    {
        var q = ShippedContent.Catalog.Questions.Select(b => b.Question).First(x => x.Type == QuestionType.Case);
        var cut = _ctx.Render<QuestionPreview>(p => p.Add(x => x.Question, q));
        Assert.Contains(q.Scenario.Trim()[..10], cut.Find(".scenario").TextContent);
        Assert.Equal(q.Parts.Count, cut.FindAll(".case-parts > li").Count);
    }
}

public sealed class QuestionPreviewImageTests : IDisposable
{
    private readonly BunitContext _ctx = new();

    public QuestionPreviewImageTests() => _ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");

    public void Dispose() => _ctx.Dispose();

    [Fact]
    public void Stem_and_option_images_are_shown_with_alt_text()
    {
        var sha = new string('a', 64);
        var q = new Question
        {
            Id = "img", Type = QuestionType.Single, Stem = "看图作答", StemImage = sha,
            Options = [new("甲", true), new("乙", false, sha)],
        };
        var cut = _ctx.Render<QuestionPreview>(p => p.Add(x => x.Question, q));
        var images = cut.FindAll("img.question-image");
        Assert.Equal(2, images.Count);
        Assert.All(images, i => Assert.Equal($"/images/{sha}", i.GetAttribute("src")));
        Assert.All(images, i => Assert.False(string.IsNullOrWhiteSpace(i.GetAttribute("alt"))));
    }

    [Fact]
    public void An_image_source_decides_where_each_image_comes_from_and_a_null_source_names_the_image_instead()
    {
        var stem = new string('a', 64);
        var option = new string('b', 64);
        var q = new Question
        {
            Id = "img2", Type = QuestionType.Single, Stem = "看图作答", StemImage = stem,
            Options = [new("甲", true), new("乙", false, option)],
        };
        var cut = _ctx.Render<QuestionPreview>(p => p.Add(x => x.Question, q).Add(x => x.ImageSource, sha => sha == stem ? "/bank/import/x/images/" + sha : null));
        var image = Assert.Single(cut.FindAll("img.question-image"));
        Assert.Equal($"/bank/import/x/images/{stem}", image.GetAttribute("src"));
        Assert.Contains("选项 B 的图片", cut.Find(".image-not-shown").TextContent);
    }
}
