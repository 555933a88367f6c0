using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Features.Practice;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Papers;

/// <summary>
/// Secure item pools on the real app (SQLite file): certification draws only secure questions, mock papers and
/// practice only practice ones, a second attempt repeats nothing while the pool allows, and no trainee page, JSON
/// answer or notebook entry shows a secure question's key or explanation. Each test uses its own lessons.
/// </summary>
public sealed class QuestionPoolTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;

    private Task<HttpClient> Examiner() => Factory.AUser(Roles.Examiner);

    private Task<List<QuestionRecord>> ReadyAsync(string lessonId, string type) => Factory.ScopedAsync(db =>
        db.Questions.AsNoTracking().Where(q => q.LessonId == lessonId && q.Type == type && q.Status == "Ready").OrderBy(q => q.Id).ToListAsync());

    private Task<Dictionary<string, QuestionPool>> PoolsAsync() => Factory.ScopedAsync(db => db.Questions.AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.Pool));

    private Task<Question> CurrentAsync(string id) => Factory.ScopedAsync(async db =>
    {
        var r = await db.Questions.SingleAsync(q => q.Id == id);
        return QuestionJson.Deserialize(await db.QuestionVersions.Where(v => v.QuestionId == id && v.Version == r.CurrentVersion).Select(v => v.PayloadJson).SingleAsync());
    });

    /// <summary>Moves the questions into the secure pool (column and current version) as the question editor would, without a new version.</summary>
    private async Task MakeSecureAsync(params string[] ids)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var record in await db.Questions.Where(q => ids.Contains(q.Id)).ToListAsync())
        {
            record.Pool = QuestionPool.Secure;
            var version = await db.QuestionVersions.SingleAsync(v => v.QuestionId == record.Id && v.Version == record.CurrentVersion);
            version.PayloadJson = QuestionJson.Serialize(QuestionJson.Deserialize(version.PayloadJson) with { Pool = QuestionPool.Secure });
        }
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<Web.Features.QuestionBank.QuestionVersionCache>().Invalidate();
    }

    private async Task<List<string>> DrawnAsync(string attemptId) =>
        AttemptLayout.Parse((await ExamScenario.AttemptAsync(Factory, attemptId)).LayoutJson).Select(l => l.QuestionId).ToList();

    private async Task CreateBlueprintPaperAsync(string id, string kind, int attempts, params BlueprintSection[] sections)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Papers.Add(new Paper
        {
            Id = id, Title = "蓝图 " + id, Kind = kind, Status = PaperStatus.Published, TimeLimitMinutes = 30, PassMark = 1, AttemptsAllowed = attempts,
            BlueprintJson = JsonSerializer.Serialize(sections), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private async Task SetReviewAsync(string paperId, bool answers, bool explanations) => await Factory.ScopedAsync(db =>
        db.Papers.Where(p => p.Id == paperId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReviewShowsAnswers, answers).SetProperty(p => p.ReviewShowsExplanations, explanations)));

    /// <summary>Sits the paper answering every single-choice question wrongly, submits, returns the attempt id and the submit JSON.</summary>
    private async Task<(string AttemptId, string SubmitJson)> SitWronglyAsync(HttpClient trainee, string paperId)
    {
        var attemptId = await ExamScenario.StartAsync(trainee, paperId);
        await ExamScenario.AnswerAsync(Factory, attemptId, (q, l) => q.Type == QuestionType.Single ? ExamScenario.WrongChoice(q, l) : null);
        var submit = await trainee.SubmitAsync(attemptId);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        return (attemptId, await submit.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_certification_paper_draws_only_secure_questions_and_a_mock_paper_only_practice_ones()
    {
        var trainee = await ExamScenario.TraineeAsync(Factory, "pool-draw@demo.local");
        var certification = await DrawnAsync(await ExamScenario.StartAsync(trainee, PaperSeeder.CertificationId));
        var mock = await DrawnAsync(await ExamScenario.StartAsync(trainee, "mock-part1"));
        var pools = await PoolsAsync();
        Assert.Equal(PaperSeeder.CertificationBlueprint.Sum(s => s.Count), certification.Count);
        Assert.All(certification, id => Assert.Equal(QuestionPool.Secure, pools[id]));
        Assert.Equal(20, mock.Count);
        Assert.All(mock, id => Assert.Equal(QuestionPool.Practice, pools[id]));
    }

    [Fact]
    public async Task A_second_attempt_repeats_no_question_while_the_pool_allows_and_repeats_are_counted_when_it_does_not()
    {
        await MakeSecureAsync((await ReadyAsync("p3-broadband-care", "Single")).Select(q => q.Id).Take(2).ToArray());
        var secure = (await ReadyAsync("p3-broadband-care", "Single")).Where(q => q.Pool == QuestionPool.Secure).Select(q => q.Id).ToList();
        if (secure.Count % 2 == 1)
        {
            // The shipped bank's own secure questions count too: make the pool even, so two attempts use it up.
            var extra = (await ReadyAsync("p3-broadband-care", "Single")).First(q => q.Pool == QuestionPool.Practice).Id;
            await MakeSecureAsync(extra);
            secure.Add(extra);
        }
        var perAttempt = secure.Count / 2;
        await CreateBlueprintPaperAsync("pool-repeats", PaperKind.Certification, 3, new BlueprintSection("宽带关怀单选", perAttempt, 1m, LessonId: "p3-broadband-care", Type: "Single"));
        var trainee = await ExamScenario.TraineeAsync(Factory, "pool-repeats@demo.local");

        var (first, _) = await SitWronglyAsync(trainee, "pool-repeats");
        var (second, _) = await SitWronglyAsync(trainee, "pool-repeats");
        var firstIds = await DrawnAsync(first);
        var secondIds = await DrawnAsync(second);
        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.Equal(secure.Order(), firstIds.Concat(secondIds).Order());
        Assert.Equal(0, (await ExamScenario.AttemptAsync(Factory, second)).RepeatedQuestions);

        // The secure pool is used up by two attempts: the third has to repeat every question it draws, and says so.
        var third = await ExamScenario.StartAsync(trainee, "pool-repeats");
        Assert.Equal(perAttempt, (await ExamScenario.AttemptAsync(Factory, third)).RepeatedQuestions);
    }

    [Fact]
    public async Task Certification_review_the_submit_json_and_the_notebook_never_show_a_secure_key_or_explanation()
    {
        var ids = (await ReadyAsync("p3-basic-concepts", "Single")).Select(q => q.Id).Take(2).ToArray();
        await MakeSecureAsync(ids);
        await Factory.APaper("pool-secure-review", PaperKind.Certification, 1m, (ids[0], 1m), (ids[1], 1m));
        await SetReviewAsync("pool-secure-review", answers: true, explanations: true); // the paper would show everything
        var questions = new[] { await CurrentAsync(ids[0]), await CurrentAsync(ids[1]) };
        Assert.All(questions, q => Assert.Equal(QuestionPool.Secure, q.Pool));
        var trainee = await ExamScenario.TraineeAsync(Factory, "pool-secure@demo.local");

        var (attemptId, submitJson) = await SitWronglyAsync(trainee, "pool-secure-review");
        var result = await trainee.GetStringAsync($"/exams/attempt/{attemptId}/result");
        var notebook = await trainee.GetStringAsync("/mistakes");
        var lesson = Factory.Services.GetRequiredService<ContentCatalog>().Find("p3-basic-concepts")!;
        foreach (var q in questions)
        {
            var key = q.Options.First(o => o.Correct).Text;
            foreach (var page in new[] { result, submitJson, notebook })
            {
                Assert.DoesNotContain(q.Explanation, page);
                Assert.DoesNotContain(key, page);
            }
            Assert.DoesNotContain(PracticeText.PlainStem(q, 40)[..20], notebook);
            Assert.DoesNotContain(q.Id, notebook);
        }
        Assert.Contains("此题属于认证题池，不公布答案和解析。", result);
        Assert.DoesNotContain("正确答案", result);
        Assert.Contains($"在“{lesson.Title}”一课答错了一道题", PageText.Of(notebook));
        Assert.Contains($"href=\"/lessons/{lesson.Id}\"", notebook);

        // Practising from the notebook never offers them.
        var start = await trainee.PostFormAsync("/mistakes", "/practice/start", [F("Mistakes", StartPracticeForm.AllMistakes)]);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/mistakes", start.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Mistakes_from_a_paper_whose_review_hides_answers_are_listed_by_lesson_only_and_never_practised()
    {
        var ids = (await ReadyAsync("p3-broadband-churn-warning", "Single")).Select(q => q.Id).Take(2).ToArray();
        await Factory.APaper("pool-hidden-mock", PaperKind.Mock, 1m, (ids[0], 1m), (ids[1], 1m));
        await SetReviewAsync("pool-hidden-mock", answers: false, explanations: false);
        var trainee = await ExamScenario.TraineeAsync(Factory, "pool-hidden@demo.local");
        await SitWronglyAsync(trainee, "pool-hidden-mock");

        var entries = await Factory.ScopedAsync(db => db.Mistakes.AsNoTracking().Where(m => ids.Contains(m.QuestionId)).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.True(e.Concealed));
        var notebook = await trainee.GetStringAsync("/mistakes");
        var doc = await new HtmlParser().ParseDocumentAsync(notebook);
        Assert.Equal(2, doc.QuerySelectorAll("#open-entries li.concealed").Length);
        foreach (var id in ids)
        {
            var q = await CurrentAsync(id);
            Assert.DoesNotContain(PracticeText.PlainStem(q, 40)[..20], notebook);
            Assert.DoesNotContain(id, notebook);
        }
        Assert.Null(doc.QuerySelector("button[name=Mistakes]"));
        var start = await trainee.PostFormAsync("/mistakes", "/practice/start", [F("Mistakes", StartPracticeForm.AllMistakes)]);
        Assert.Equal("/mistakes", start.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Practice_of_a_lesson_never_draws_secure_questions()
    {
        var catalog = Factory.Services.GetRequiredService<ContentCatalog>();
        var lesson = catalog.Curriculum.Parts.Last().Lessons.First().Id;
        var all = await Factory.ScopedAsync(db => db.Questions.Where(q => q.LessonId == lesson && q.Status == "Ready").Select(q => q.Id).ToArrayAsync());
        Assert.NotEmpty(all);
        var trainee = await ExamScenario.TraineeAsync(Factory, "pool-practice@demo.local");
        var before = await trainee.PostFormAsync("/practice", "/practice/start", [F("Lesson", lesson)]);
        Assert.StartsWith("/practice/question", before.Headers.Location?.OriginalString);

        await MakeSecureAsync(all);
        var after = await trainee.PostFormAsync("/practice", "/practice/start", [F("Lesson", lesson)]);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/practice", after.Headers.Location?.OriginalString); // nothing left to practise here
        // The set drawn before the move no longer shows those questions (nor their keys).
        Assert.Equal(HttpStatusCode.NotFound, (await trainee.GetAsync(before.Headers.Location!.OriginalString)).StatusCode);
    }

    [Fact]
    public async Task A_fixed_paper_may_list_only_questions_of_its_pool_and_the_error_names_them()
    {
        var practice = await Factory.ScopedAsync(db => db.Questions.Where(q => q.PartId == "part1" && q.Status == "Ready" && q.Pool == QuestionPool.Practice).Select(q => q.Id).FirstAsync());
        var secure = (await ReadyAsync("p3-basic-concepts", "Single")).Skip(2).First().Id;
        await MakeSecureAsync(secure);
        var examiner = await Examiner();
        KeyValuePair<string, string>[] Form(string id, string kind, string fixedText) =>
        [
            F("IsNew", "true"), F("Id", id), F("Title", "固定 " + id), F("Kind", kind), F("Status", "published"), F("TimeLimitMinutes", "20"),
            F("PassMark", "1"), F("AttemptsAllowed", "1"), F("ShuffleQuestions", "false"), F("ShuffleOptions", "false"), F("ReviewShowsScore", "true"),
            F("ReviewShowsAnswers", "false"), F("ReviewShowsExplanations", "false"), F("intent", "save"), F("Mode", "fixed"), F("FixedText", fixedText), F("Audience", "all"),
            F("ProgrammeId", kind == PaperKind.Certification ? Web.Data.CertificationProgramme.SeededId : ""),
        ];
        async Task<string> Errors(HttpResponseMessage r) => string.Join("|",
            (await new HtmlParser().ParseDocumentAsync(await r.Content.ReadAsStringAsync())).QuerySelectorAll(".field-error").Select(e => e.TextContent));

        var cert = await examiner.PostFormAsync("/papers/new", "/papers/save", Form("pool-fixed-cert", PaperKind.Certification, $"{secure} 1\n{practice} 1"));
        Assert.Equal(HttpStatusCode.OK, cert.StatusCode);
        Assert.Contains($"认证试卷只能使用认证题池的试题，这些题属于练习题池：{practice}", await Errors(cert));
        var mock = await examiner.PostFormAsync("/papers/new", "/papers/save", Form("pool-fixed-mock", PaperKind.Mock, $"{secure} 1\n{practice} 1"));
        Assert.Contains($"模拟试卷只能使用练习题池的试题，这些题属于认证题池：{secure}", await Errors(mock));
        Assert.False(await Factory.ScopedAsync(db => db.Papers.AnyAsync(p => p.Id.StartsWith("pool-fixed"))));

        var ok = await examiner.PostFormAsync("/papers/new", "/papers/save", Form("pool-fixed-cert", PaperKind.Certification, $"{secure} 1"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }

    [Fact]
    public async Task The_examiner_sets_the_pool_in_the_editor_sees_it_on_the_question_and_filters_the_bank_by_it()
    {
        var id = (await ReadyAsync("p2-customer-care", "TrueFalse")).First().Id;
        var examiner = await Examiner();
        var edit = await new HtmlParser().ParseDocumentAsync(await examiner.GetStringAsync($"/bank/{id}/edit"));
        var form = edit.QuerySelector("form.question-form")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var e in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = e.GetAttribute("name")!;
            if (name == "__RequestVerificationToken") continue;
            switch (e)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "file" }: continue;
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked: continue;
                case AngleSharp.Html.Dom.IHtmlSelectElement select: fields.Add(F(name, name == "Pool" ? "Secure" : select.Value ?? "")); break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement area: fields.Add(F(name, area.Value)); break;
                case AngleSharp.Html.Dom.IHtmlInputElement input: fields.Add(F(name, input.Value)); break;
            }
        }
        var saved = await examiner.PostFormAsync($"/bank/{id}/edit", form.GetAttribute("action") ?? $"/bank/{id}/edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(QuestionPool.Secure, (await PoolsAsync())[id]);
        Assert.Equal(QuestionPool.Secure, (await CurrentAsync(id)).Pool);
        Assert.Contains("认证题池（保密）", (await new HtmlParser().ParseDocumentAsync(await examiner.GetStringAsync($"/bank/{id}"))).GetElementById("question-pool")!.TextContent);

        var secureList = await examiner.GetStringAsync("/bank?Lesson=p2-customer-care&Pool=Secure");
        var practiceList = await examiner.GetStringAsync("/bank?Lesson=p2-customer-care&Pool=Practice");
        Assert.Contains($"href=\"/bank/{id}\"", secureList);
        Assert.DoesNotContain($"href=\"/bank/{id}\"", practiceList);
    }
}
