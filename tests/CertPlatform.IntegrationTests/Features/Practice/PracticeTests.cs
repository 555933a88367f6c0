using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Practice;

/// <summary>Practice with immediate feedback and the 错题本, against the real app on a SQLite file.</summary>
public sealed class PracticeTests(SharedApp app) : IClassFixture<SharedApp>
{
    private static readonly HtmlParser Parser = new();
    private AppFactory Factory => app.Factory;
    private ContentCatalog Catalog => Factory.Services.GetRequiredService<ContentCatalog>();

    /// <summary>A trainee of their own, so tests do not see each other's answers.</summary>
    private async Task<(HttpClient Client, string UserId)> NewTrainee()
    {
        var email = $"practice-{Guid.NewGuid():N}@demo.local";
        var user = await Factory.CreateTraineeAsync(email, u => { u.FullName = "练习学员"; u.EmployeeNumber = "P" + Guid.NewGuid().ToString("N")[..10]; });
        return (await Factory.SignedInClient(email, AppFactory.TraineePassword), user.Id);
    }

    private Task<Question> LoadQuestion(string id) => Factory.ScopedAsync(async db =>
    {
        var version = await db.Questions.Where(q => q.Id == id).Select(q => q.CurrentVersion).SingleAsync();
        return QuestionJson.Deserialize(await db.QuestionVersions.Where(v => v.QuestionId == id && v.Version == version).Select(v => v.PayloadJson).SingleAsync());
    });

    private static async Task<string> Start(HttpClient client, string field, string value)
    {
        var response = await client.PostFormAsync("/practice", "/practice/start", [F(field, value)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/practice/question?s=", location);
        return location;
    }

    private sealed record QuestionPage(string Url, string Html, IDocument Doc, string QuestionId, string Token);

    private static async Task<QuestionPage> Open(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var doc = await Parser.ParseDocumentAsync(html);
        var form = doc.QuerySelector("form[data-question]")!;
        return new QuestionPage(url, html, doc, form.GetAttribute("data-question")!, doc.QuerySelector("input[name=S]")!.GetAttribute("value")!);
    }

    /// <summary>Starts sets of the lesson until one opens with a single-choice question (sets are drawn at random).</summary>
    private async Task<(QuestionPage Page, Question Question)> StartOnSingleChoice(HttpClient client, string lessonId)
    {
        for (var i = 0; i < 60; i++)
        {
            var page = await Open(client, await Start(client, "Lesson", lessonId));
            var q = await LoadQuestion(page.QuestionId);
            if (q.Type == QuestionType.Single) return (page, q);
        }
        throw new InvalidOperationException($"no single-choice question came first in {lessonId}");
    }

    /// <summary>The displayed position of a right (or a wrong) option, read from the page like a trainee would.</summary>
    private static string Choice(QuestionPage page, Question q, bool right)
    {
        var correct = q.Options.Where(o => o.Correct).Select(o => o.Text).ToHashSet();
        var input = page.Doc.QuerySelectorAll("input[name='Answer.Selected']")
            .First(i => correct.Contains(i.ParentElement!.QuerySelector(".option-text")!.TextContent.Trim()) == right);
        return input.GetAttribute("value")!;
    }

    private static async Task<(HttpResponseMessage Response, string? Feedback)> Answer(HttpClient client, QuestionPage page, params KeyValuePair<string, string>[] fields)
    {
        var response = await client.PostFormAsync(page.Url, "/practice/answer", [F("S", page.Token), .. fields]);
        return (response, response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.ToString() : null);
    }

    private static async Task<IDocument> Document(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private string SingleChoiceLesson() => Catalog.Ordered.First(l => Catalog.Questions.Count(q => q.Question.LessonId == l.Id && q.Question.Type == QuestionType.Single) >= 2).Id;

    [Fact]
    public async Task Anonymous_users_are_sent_to_sign_in()
    {
        foreach (var path in new[] { "/practice", "/mistakes", "/practice/question?s=x", "/practice/feedback?f=x", "/practice/done?s=x" })
        {
            var response = await Factory.NewClient().GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task The_overview_lists_every_part_and_lesson_with_ready_question_counts()
    {
        var demo = Demo.Account(Roles.Trainee);
        var client = await Factory.SignedInClient(demo.Email, demo.Password);
        var doc = await Document(client, "/practice");
        foreach (var part in Catalog.Curriculum.Parts)
            Assert.NotNull(doc.QuerySelector($".practice-stats[data-part='{part.Id}']"));
        Assert.Equal(Catalog.Ordered.Count, doc.QuerySelectorAll(".practice-lessons tbody tr").Length);
        // Essays never count: a lesson offers at most its objective questions.
        var lesson = Catalog.Ordered[0];
        var objective = Catalog.Questions.Count(q => q.Question.LessonId == lesson.Id && q.Question.Type != QuestionType.Essay);
        var row = doc.QuerySelectorAll(".practice-lessons tbody tr").First(r => r.QuerySelector($"a[href='/lessons/{lesson.Id}']") is not null);
        Assert.InRange(int.Parse(row.QuerySelector("td.num")!.TextContent.Trim()), 1, objective);
        Assert.NotNull(doc.QuerySelector($"button[name=Lesson][value='{lesson.Id}']"));
    }

    [Fact]
    public async Task Practising_a_lesson_shows_each_question_without_its_key_or_explanation()
    {
        // The lesson with the most kinds of practisable question, so every input type is rendered.
        var lesson = Catalog.Ordered.OrderByDescending(l => Catalog.Questions
            .Where(q => q.Question.LessonId == l.Id && q.Question.Type != QuestionType.Essay).Select(q => q.Question.Type).Distinct().Count()).First();
        var demo = Demo.Account(Roles.Trainee);
        var client = await Factory.SignedInClient(demo.Email, demo.Password);
        var url = await Start(client, "Lesson", lesson.Id);
        var seenTypes = new HashSet<QuestionType>();
        for (var n = 0; n < 10; n++)
        {
            var page = await Open(client, url);
            var q = await LoadQuestion(page.QuestionId);
            seenTypes.Add(q.Type);
            Assert.NotEqual(QuestionType.Essay, q.Type);
            var shown = (q.Type == QuestionType.Case ? q.Scenario : q.Stem.Split("{{")[0]).Trim();
            Assert.Contains(shown[..Math.Min(8, shown.Length)], page.Doc.Body!.TextContent);
            foreach (var explanation in new[] { q.Explanation }.Concat(q.Parts.Select(p => p.Explanation)).Where(e => e.Length > 0))
                Assert.DoesNotContain(explanation, page.Doc.Body!.TextContent);
            Assert.Empty(page.Doc.QuerySelectorAll(".correct-answer, .is-correct, .explanation, [data-correct]"));
            Assert.All(page.Doc.QuerySelectorAll("input[type=text]"), i => Assert.True(string.IsNullOrEmpty(i.GetAttribute("value"))));
            Assert.Empty(page.Doc.QuerySelectorAll("input[checked], option[selected]"));
            // Ordering items are never shown in the key's order.
            if (q.Type == QuestionType.Ordering)
                Assert.NotEqual(q.Items, page.Doc.QuerySelectorAll(".rank-table label").Select(l => l.TextContent.Trim()));

            var (response, feedback) = await Answer(client, page, F("GiveUp", "true"));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var doc = await Document(client, feedback!);
            Assert.Equal("wrong", doc.QuerySelector("#verdict")!.GetAttribute("data-verdict"));
            var next = doc.QuerySelector("#next")!.GetAttribute("href")!;
            if (next.StartsWith("/practice/done")) break;
            url = next;
        }
        Assert.True(seenTypes.Count >= 3, string.Join(",", seenTypes));
    }

    [Fact]
    public async Task A_wrong_answer_shows_the_explanation_and_lesson_link_and_enters_the_notebook_once()
    {
        var (client, userId) = await NewTrainee();
        var (page, q) = await StartOnSingleChoice(client, SingleChoiceLesson());
        var (response, feedback) = await Answer(client, page, F("Answer.Selected", Choice(page, q, right: false)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/practice/feedback?f=", feedback);

        var doc = await Document(client, feedback!);
        Assert.Equal("wrong", doc.QuerySelector("#verdict")!.GetAttribute("data-verdict"));
        Assert.Equal(q.Explanation, doc.QuerySelector(".explanation p")!.TextContent.Trim());
        var correctText = q.Options.Single(o => o.Correct).Text;
        Assert.Equal(correctText, doc.QuerySelector(".key-choices li.is-correct .option-text")!.TextContent.Trim());
        var link = doc.QuerySelector("a.lesson-link")!.GetAttribute("href")!;
        Assert.StartsWith($"/lessons/{q.LessonId}", link);
        if (q.Anchor is not null && Catalog.Find(q.LessonId)!.HasAnchor(q.Anchor)) Assert.EndsWith("#" + q.Anchor, link);
        Assert.NotNull(doc.QuerySelector("#notebook-status"));

        var entry = await Factory.ScopedAsync(db => db.Mistakes.SingleAsync(m => m.UserId == userId));
        Assert.Equal((q.Id, 1, 0, (DateTimeOffset?)null), (entry.QuestionId, entry.WrongCount, entry.RightStreak, entry.ClearedAt));
        Assert.Equal(Catalog.Find(q.LessonId)!.PartId, entry.PartId);
        var answers = await Factory.ScopedAsync(db => db.PracticeAnswers.Where(a => a.UserId == userId).ToListAsync());
        Assert.False(Assert.Single(answers).Correct);

        // The same page submitted again is refused (practice tokens are single-use) and counts nothing.
        var (replay, again) = await Answer(client, page, F("Answer.Selected", Choice(page, q, right: true)));
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Null(again);
        Assert.Equal(1, await Factory.ScopedAsync(db => db.PracticeAnswers.CountAsync(a => a.UserId == userId)));
        Assert.Equal(0, await Factory.ScopedAsync(db => db.Mistakes.Where(m => m.UserId == userId).Select(m => m.RightStreak).SingleAsync()));

        var notebook = await Document(client, "/mistakes");
        var item = notebook.QuerySelector($"#open-entries li[data-question='{q.Id}']")!;
        Assert.Contains("1", item.QuerySelector(".mistake-meta")!.TextContent);
        Assert.Contains("0/2", item.QuerySelector(".streak-text")!.TextContent);
    }

    [Fact]
    public async Task Answering_a_mistake_right_twice_in_a_row_clears_it()
    {
        var (client, userId) = await NewTrainee();
        var (page, q) = await StartOnSingleChoice(client, SingleChoiceLesson());
        await Answer(client, page, F("Answer.Selected", Choice(page, q, right: false)));

        for (var round = 1; round <= 2; round++)
        {
            var mistakes = await Open(client, await Start(client, "Mistakes", "all"));
            Assert.Equal(q.Id, mistakes.QuestionId);
            var (_, feedback) = await Answer(client, mistakes, F("Answer.Selected", Choice(mistakes, q, right: true)));
            var doc = await Document(client, feedback!);
            Assert.Equal("right", doc.QuerySelector("#verdict")!.GetAttribute("data-verdict"));
            Assert.Equal("/practice/done", doc.QuerySelector("#next")!.GetAttribute("href")!.Split('?')[0]);
            var entry = await Factory.ScopedAsync(db => db.Mistakes.SingleAsync(m => m.UserId == userId));
            Assert.Equal(round, entry.RightStreak);
            Assert.Equal(round == 2, entry.ClearedAt is not null);
            if (round == 1)
                Assert.Contains("1/2", (await Document(client, "/mistakes")).QuerySelector($"li[data-question='{q.Id}'] .streak-text")!.TextContent);
        }

        var notebook = await Document(client, "/mistakes");
        Assert.Equal("0", notebook.QuerySelector("#open-count")!.GetAttribute("data-count"));
        Assert.Null(notebook.QuerySelector("#open-entries"));
        Assert.NotNull(notebook.QuerySelector($"#cleared li[data-question='{q.Id}']"));
        // Nothing left to practise: back to the notebook with a message.
        var empty = await client.PostFormAsync("/mistakes", "/practice/start", [F("Mistakes", "all")]);
        Assert.Equal("/mistakes", empty.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Weak_topics_list_a_lesson_after_wrong_answers_on_the_notebook_and_the_dashboard()
    {
        var (client, _) = await NewTrainee();
        var lesson = SingleChoiceLesson();
        Assert.Null((await Document(client, "/mistakes")).QuerySelector($"#weak-topics tr[data-lesson='{lesson}']"));
        var url = await Start(client, "Lesson", lesson);
        for (var i = 0; i < 3; i++)
        {
            var page = await Open(client, url);
            var (_, feedback) = await Answer(client, page, F("GiveUp", "true"));
            url = (await Document(client, feedback!)).QuerySelector("#next")!.GetAttribute("href")!;
        }
        var notebook = await Document(client, "/mistakes");
        var row = notebook.QuerySelector($"#weak-topics tr[data-lesson='{lesson}']")!;
        Assert.Equal($"/lessons/{lesson}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("0%", row.QuerySelector(".accuracy")!.TextContent.Trim());
        Assert.Equal("3", notebook.QuerySelector("#open-count")!.GetAttribute("data-count"));

        var home = await Document(client, "/");
        Assert.NotNull(home.QuerySelector($"#practice-card li[data-lesson='{lesson}'] a[href='/lessons/{lesson}']"));
        var overview = await Document(client, "/practice");
        Assert.Contains("0%", overview.QuerySelector($".practice-stats[data-part='{Catalog.Find(lesson)!.PartId}']")!.TextContent);
    }

    [Fact]
    public async Task Another_users_notebook_and_practice_pages_are_not_visible()
    {
        var (alice, _) = await NewTrainee();
        var (bob, bobId) = await NewTrainee();
        var (page, q) = await StartOnSingleChoice(alice, SingleChoiceLesson());
        var (_, feedback) = await Answer(alice, page, F("Answer.Selected", Choice(page, q, right: false)));

        var bobsNotebook = await Document(bob, "/mistakes");
        Assert.Equal("0", bobsNotebook.QuerySelector("#open-count")!.GetAttribute("data-count"));
        Assert.Null(bobsNotebook.QuerySelector($"li[data-question='{q.Id}']"));
        Assert.Null(bobsNotebook.QuerySelector("#weak-topics tr[data-lesson]"));

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync(page.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync(feedback)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync("/practice/done?s=" + Uri.EscapeDataString(page.Token))).StatusCode);
        var stolen = await bob.PostFormAsync("/practice", "/practice/answer", [F("S", page.Token), F("Answer.Selected", "0")]);
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Equal(0, await Factory.ScopedAsync(db => db.PracticeAnswers.CountAsync(a => a.UserId == bobId)));
        Assert.Equal(0, await Factory.ScopedAsync(db => db.Mistakes.CountAsync(m => m.UserId == bobId)));
    }

    [Fact]
    public async Task Unknown_lessons_and_altered_tokens_are_404_and_an_empty_answer_is_asked_again()
    {
        var (client, userId) = await NewTrainee();
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/practice", "/practice/start", [F("Lesson", "p9-nothing")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/practice", "/practice/start", [F("Part", "part9")])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostFormAsync("/practice", "/practice/start", [])).StatusCode);

        var page = await Open(client, await Start(client, "Lesson", SingleChoiceLesson()));
        var altered = page.Token[..30] + (page.Token[30] == 'x' ? 'y' : 'x') + page.Token[31..];
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/practice/question?s=" + Uri.EscapeDataString(altered))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/practice/feedback?f=" + Uri.EscapeDataString(page.Token))).StatusCode);

        var (blank, _) = await Answer(client, page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        var doc = await Parser.ParseDocumentAsync(await blank.Content.ReadAsStringAsync());
        Assert.NotNull(doc.QuerySelector(".errors"));
        Assert.Equal(page.QuestionId, doc.QuerySelector("form[data-question]")!.GetAttribute("data-question"));
        Assert.Equal(0, await Factory.ScopedAsync(db => db.PracticeAnswers.CountAsync(a => a.UserId == userId)));
    }
}
