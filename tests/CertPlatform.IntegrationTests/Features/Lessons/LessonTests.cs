using System.Net;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Lessons;

public sealed class LessonTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;
    private ContentCatalog Catalog => Factory.Services.GetRequiredService<ContentCatalog>();
    private Task<HttpClient> Trainee() => Factory.AUser(Roles.Trainee);

    [Fact]
    public async Task Every_lesson_in_content_renders_with_objectives_sections_and_provenance()
    {
        var client = await Trainee();
        var parser = new HtmlParser();
        Assert.True(Catalog.Ordered.Count >= 70, $"only {Catalog.Ordered.Count} lessons loaded");
        foreach (var lesson in Catalog.Ordered)
        {
            var response = await client.GetAsync($"/lessons/{lesson.Id}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{lesson.Id}: {(int)response.StatusCode}");
            var doc = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            Assert.Equal(lesson.Title, doc.QuerySelector("article.lesson h1")?.TextContent.Trim());
            Assert.Contains(lesson.SourceDetail, doc.QuerySelector(".provenance")?.TextContent ?? "");
            Assert.StartsWith("出处：", doc.QuerySelector(".provenance")?.TextContent.Trim());
            Assert.Equal(lesson.Objectives.Count, doc.QuerySelectorAll(".objectives li").Length);
            Assert.NotNull(doc.QuerySelector(".lesson-body #key-points"));
            foreach (var s in lesson.Sections.Where(s => s.Level == 2))
                Assert.True(doc.GetElementById(s.Anchor) is not null, $"{lesson.Id}: anchor #{s.Anchor} missing in the page");
        }
    }

    [Fact]
    public async Task Lessons_need_a_signed_in_user()
    {
        var response = await Factory.NewClient().GetAsync("/lessons/p1-customer-value");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Unknown_lesson_is_404()
    {
        var client = await Trainee();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/lessons/p9-nothing")).StatusCode);
    }

    [Fact]
    public async Task Previous_and_next_follow_the_curriculum_order()
    {
        var client = await Trainee();
        var second = Catalog.Ordered[1];
        var doc = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync($"/lessons/{second.Id}"));
        Assert.Equal($"/lessons/{Catalog.Ordered[0].Id}", doc.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal($"/lessons/{Catalog.Ordered[2].Id}", doc.QuerySelector("a[rel=next]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Marked_lessons_and_resume_point_persist_across_requests_and_sessions()
    {
        using var factory = new AppFactory();
        var demo = Demo.Account(Roles.Trainee);
        var client = await factory.SignedInClient(demo.Email, demo.Password);
        var catalog = factory.Services.GetRequiredService<ContentCatalog>();
        var part1 = catalog.Curriculum.Parts[0];
        var target = catalog.Ordered[2];

        var marked = await client.PostFormAsync($"/lessons/{target.Id}", $"/lessons/{target.Id}/learned", [F("learned", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        await client.GetAsync($"/lessons/{catalog.Ordered[5].Id}");

        // A brand-new session sees the same progress.
        var again = await factory.SignedInClient(demo.Email, demo.Password);
        var doc = await new HtmlParser().ParseDocumentAsync(await again.GetStringAsync("/lessons"));
        Assert.Equal($"1 / {part1.Lessons.Count()}", doc.QuerySelector($"span.count[data-part={part1.Id}]")?.TextContent.Trim());
        Assert.Contains(doc.QuerySelectorAll("li.learned a"), a => a.GetAttribute("href") == $"/lessons/{target.Id}");
        var resume = await again.GetAsync("/lessons/resume");
        Assert.Equal($"/lessons/{catalog.Ordered[5].Id}", resume.Headers.Location?.OriginalString);
        Assert.Contains("learned-state", await again.GetStringAsync($"/lessons/{target.Id}"));

        // Unmarking is persisted too.
        await again.PostFormAsync($"/lessons/{target.Id}", $"/lessons/{target.Id}/learned", [F("learned", "false")]);
        var after = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/lessons"));
        Assert.Equal($"0 / {part1.Lessons.Count()}", after.QuerySelector($"span.count[data-part={part1.Id}]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Search_finds_a_chinese_phrase_taken_from_a_lesson_body()
    {
        var client = await Trainee();
        var lesson = Catalog.Find("p2-personality-analysis")!;
        var body = lesson.TextBySection.First(s => s.Anchor.Length > 0 && s.Text.Length > 40).Text;
        var phrase = body.Substring(20, 8).Trim();
        var doc = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/lessons/search?q=" + Uri.EscapeDataString(phrase)));
        var links = doc.QuerySelectorAll(".search-results a").Select(a => a.GetAttribute("href") ?? "").ToList();
        Assert.Contains(links, h => h.StartsWith($"/lessons/{lesson.Id}"));
        Assert.NotEmpty(doc.QuerySelectorAll(".search-results mark"));
    }

    [Theory]
    [InlineData("忠诚", "p1-customer-loyalty")]
    [InlineData("满意", "p1-customer-satisfaction")]
    [InlineData("ＦＡＢ", "p2-fab-selling")]
    public async Task Search_finds_two_character_chinese_words_and_full_width_letters(string query, string expectedLesson)
    {
        var client = await Trainee();
        var doc = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/lessons/search?q=" + Uri.EscapeDataString(query)));
        var links = doc.QuerySelectorAll(".search-results a").Select(a => a.GetAttribute("href") ?? "").ToList();
        Assert.Contains(links, h => h.StartsWith($"/lessons/{expectedLesson}"));
    }

    [Fact]
    public async Task Search_for_markup_is_encoded_not_executed()
    {
        var client = await Trainee();
        var html = await client.GetStringAsync("/lessons/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));
        Assert.DoesNotContain("<script>alert(1)</script>", html);
    }

    [Fact]
    public async Task Print_view_shows_the_lesson_without_site_navigation()
    {
        var client = await Trainee();
        var doc = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/lessons/p1-swot/print"));
        Assert.NotNull(doc.QuerySelector("article.lesson .lesson-body"));
        Assert.Null(doc.QuerySelector(".site-header"));
    }
}
