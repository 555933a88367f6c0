using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Features.Grading;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Grading;

public sealed partial class GradingTests : IDisposable
{
    private const string Paper = "grading-essay";
    private readonly PassRecorder _passes = new();
    private readonly AppFactory _factory;

    public GradingTests() => _factory = new AppFactory().WithServices(s => s.AddSingleton<IAttemptResultHandler>(_passes));

    /// <summary>Hears every passing final result announced (next to the app's own listeners).</summary>
    private sealed class PassRecorder : IAttemptResultHandler
    {
        public ConcurrentQueue<AttemptResultFinal> Heard { get; } = new();

        public Task<string?> HandleAsync(AttemptResultFinal result, CancellationToken ct)
        {
            if (result.Passed) Heard.Enqueue(result);
            return Task.FromResult<string?>(null);
        }
    }

    public void Dispose() => _factory.Dispose();

    [GeneratedRegex("href=\"(/grading/item/[A-Za-z0-9_-]+)\"")]
    private static partial Regex ItemLink();

    /// <summary>The demo trainee sits a paper with a single-choice question (answered right) and an essay.</summary>
    private async Task<string> EssayAttemptAsync(string essayText = "先发欢迎短信 <script>alert(1)</script> 再做首张账单分析")
    {
        await _factory.APaper(Paper, "mock", 12m, (ExamScenario.Single, 10m), (ExamScenario.Essay, 10m));
        var trainee = await ExamScenario.TraineeAsync(_factory);
        var id = await ExamScenario.StartAsync(trainee, Paper);
        await ExamScenario.AnswerAsync(_factory, id, (q, l) => q.Type == QuestionType.Essay ? new Response { Text = essayText } : ExamKeys.DisplayedKey(q, l));
        await ExamScenario.SubmitAsync(trainee, id);
        return id;
    }

    private static async Task<string> FirstItemLinkAsync(HttpClient examiner)
    {
        var queue = await examiner.GetStringAsync("/grading");
        var m = ItemLink().Match(queue);
        Assert.True(m.Success, "no item in the grading queue");
        return m.Groups[1].Value;
    }

    [Fact]
    public async Task An_essay_attempt_waits_shows_in_the_queue_without_the_candidate_and_grading_it_makes_it_final()
    {
        var id = await EssayAttemptAsync();
        var waiting = await ExamScenario.AttemptAsync(_factory, id);
        Assert.Equal(GradingStatus.AwaitingManual, waiting.Grading);
        Assert.Null(waiting.Passed);
        Assert.Equal(10m, waiting.Score);

        var examiner = await _factory.AUser(Roles.Examiner);
        var queue = await examiner.GetStringAsync("/grading");
        var trainee = Demo.Account(Roles.Trainee);
        Assert.Contains(ExamScenario.Essay, queue);
        Assert.Contains("测试试卷 " + Paper, queue);
        foreach (var identifying in new[] { trainee.FullName, trainee.Email, trainee.EmployeeNumber, id })
            Assert.DoesNotContain(identifying, queue);
        // The objective question never waits for an examiner.
        Assert.DoesNotContain(ExamScenario.Single, queue);

        var item = await FirstItemLinkAsync(examiner);
        var page = await examiner.GetStringAsync(item);
        foreach (var identifying in new[] { trainee.FullName, trainee.Email, trainee.EmployeeNumber, id })
            Assert.DoesNotContain(identifying, page);
        Assert.Contains("入网期关怀", page); // the rubric
        Assert.Contains("先发欢迎短信 &lt;script&gt;alert(1)&lt;/script&gt; 再做首张账单分析", page); // the answer, encoded
        Assert.DoesNotContain("<script>alert(1)", page);

        var saved = await examiner.PostFormAsync(item, item, [F("Score", "7.5"), F("Comment", "要点基本齐全")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/grading", saved.Headers.Location!.ToString()); // nothing else waits

        var graded = await ExamScenario.AttemptAsync(_factory, id);
        Assert.Equal(GradingStatus.Final, graded.Grading);
        Assert.Equal(17.5m, graded.Score);
        Assert.Equal(20m, graded.MaxScore);
        Assert.True(graded.Passed);
        var essay = await _factory.ScopedAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == id && i.QuestionId == ExamScenario.Essay));
        Assert.Equal(7.5m, essay.ManualScore);
        Assert.Equal("要点基本齐全", essay.ManualComment);
        Assert.Equal(Demo.Account(Roles.Examiner).Email, essay.GradedBy);
        Assert.NotNull(essay.GradedAt);
        var audit = await _factory.ScopedAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.GradingScored));
        Assert.Equal($"attempt:{id}#{essay.QuestionRef}", audit.Target);
        Assert.Equal(Demo.Account(Roles.Examiner).Email, audit.ActorName);

        Assert.Contains("queue-empty", await examiner.GetStringAsync("/grading"));
        // Grading the same item again (another examiner's stale page) changes nothing.
        var again = await examiner.PostFormAsync(item, item, [F("Score", "2"), F("Comment", "")]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(7.5m, (await _factory.ScopedAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == id && i.QuestionId == ExamScenario.Essay))).ManualScore);
    }

    [Theory]
    [InlineData("11", "得分必须在 0 到 10 分之间")]
    [InlineData("-1", "得分必须在 0 到 10 分之间")]
    [InlineData("abc", "得分必须是数字")]
    [InlineData("7.3", "得分以 0.5 分为单位")]
    [InlineData("", "请填写得分")]
    public async Task An_invalid_score_is_rejected_next_to_the_field_and_changes_nothing(string score, string message)
    {
        var id = await EssayAttemptAsync();
        var examiner = await _factory.AUser(Roles.Examiner);
        var item = await FirstItemLinkAsync(examiner);
        var response = await examiner.PostFormAsync(item, item, [F("Score", score), F("Comment", "太高了")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var errorSpan = Regex.Match(html, "<span id=\"Score-error\" class=\"field-error\">(.*?)</span>\\s*</div>", RegexOptions.Singleline);
        Assert.True(errorSpan.Success);
        Assert.Contains(message, errorSpan.Groups[1].Value);
        Assert.Contains("太高了", html); // the comment is kept for correction

        var essay = await _factory.ScopedAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == id && i.QuestionId == ExamScenario.Essay));
        Assert.Null(essay.ManualScore);
        Assert.Equal("", essay.ManualComment);
        var attempt = await ExamScenario.AttemptAsync(_factory, id);
        Assert.Equal(GradingStatus.AwaitingManual, attempt.Grading);
        Assert.Null(attempt.Passed);
        Assert.Equal(0, await _factory.ScopedAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.GradingScored)));
    }

    [Fact]
    public async Task Full_marks_that_are_not_a_multiple_of_a_half_are_accepted()
    {
        // 10 paper points for a 10-point essay scaled to 3 points: ManualMax 3.33.
        await _factory.APaper("scaled", "mock", 1m, (ExamScenario.Essay, 3.33m));
        var trainee = await ExamScenario.TraineeAsync(_factory);
        var id = await ExamScenario.StartAsync(trainee, "scaled");
        await ExamScenario.AnswerAsync(_factory, id, (_, _) => new Response { Text = "作答" });
        await ExamScenario.SubmitAsync(trainee, id);
        var examiner = await _factory.AUser(Roles.Examiner);
        var item = await FirstItemLinkAsync(examiner);
        Assert.Equal(HttpStatusCode.Redirect, (await examiner.PostFormAsync(item, item, [F("Score", "3.33")])).StatusCode);
        var attempt = await ExamScenario.AttemptAsync(_factory, id);
        Assert.Equal(3.33m, attempt.Score);
        Assert.True(attempt.Passed);
    }

    [Fact]
    public async Task A_case_with_an_essay_part_shows_the_automatic_part_score_and_the_written_part()
    {
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var record = new QuestionRecord { Id = "case-with-essay", LessonId = "p2-customer-care", PartId = "", Type = "", Status = "", Origin = "examiner" };
            db.Questions.Add(record);
            var q = new Question
            {
                Id = record.Id, Type = QuestionType.Case, Stem = "阅读场景，回答各小题。", Scenario = "王女士投诉账单多扣费。", LessonId = "p2-customer-care",
                Parts =
                [
                    new Question { Id = "case-with-essay-a", Type = QuestionType.Single, Stem = "首先应该做什么？", Points = 1,
                        Options = [new ChoiceOption("解释政策", false), new ChoiceOption("倾听并致歉", true), new ChoiceOption("转给同事", false)] },
                    new Question { Id = "case-with-essay-b", Type = QuestionType.Essay, Stem = "写出回访安排。", Points = 4, Rubric = "首张账单出来后回访（4分）" },
                ],
            };
            Assert.Empty(q.Validate());
            scope.ServiceProvider.GetRequiredService<QuestionVersioning>().AddVersion(record, q, "examiner@demo.local", "created", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        await _factory.APaper("case-paper", "mock", 6m, ("case-with-essay", 10m));
        var trainee = await ExamScenario.TraineeAsync(_factory);
        var id = await ExamScenario.StartAsync(trainee, "case-paper");
        await ExamScenario.AnswerAsync(_factory, id, (q, l) => ExamKeys.DisplayedKey(q, l) with
        {
            Parts = ExamKeys.DisplayedKey(q, l).Parts.ToDictionary(p => p.Key, p => p.Key.EndsWith("-b") ? new Response { Text = "账单出来后电话回访" } : p.Value),
        });
        await ExamScenario.SubmitAsync(trainee, id);
        var item = await _factory.ScopedAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == id));
        Assert.Equal(2m, item.AutoScore);
        Assert.Equal(8m, item.ManualMax);

        var examiner = await _factory.AUser(Roles.Examiner);
        var link = await FirstItemLinkAsync(examiner);
        var page = await examiner.GetStringAsync(link);
        Assert.Contains("王女士投诉账单多扣费。", page);
        Assert.Contains("<dd id=\"auto-score\">2</dd>", page);
        Assert.Contains("<span class=\"part-auto-score\">2</span> / 2", page);
        Assert.Contains("倾听并致歉", page); // the option the candidate chose
        Assert.Contains("账单出来后电话回访", page);
        Assert.Contains("首张账单出来后回访（4分）", page);
        Assert.Contains("得分（0–8，以 0.5 分为单位）", page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await examiner.PostFormAsync(link, link, [F("Score", "8.5")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await examiner.PostFormAsync(link, link, [F("Score", "6.5")])).StatusCode);
        var attempt = await ExamScenario.AttemptAsync(_factory, id);
        Assert.Equal(GradingStatus.Final, attempt.Grading);
        Assert.Equal(8.5m, attempt.Score);
        Assert.True(attempt.Passed);

        var detail = await examiner.GetStringAsync($"/results/attempt/{id}");
        Assert.Matches(@"\(a\) [A-C]\. 倾听并致歉 / \(b\) 账单出来后电话回访", detail.Replace("&#x2F;", "/")); // letters as displayed (shuffled)
    }

    [Fact]
    public async Task Trainees_and_hr_cannot_grade_and_trainees_cannot_see_results()
    {
        var trainee = await _factory.AUser(Roles.Trainee);
        foreach (var url in new[] { "/grading", "/grading/start", $"/grading/regrade/{ExamScenario.Single}", "/results", "/results/mock-part1", "/results/mock-part1/export?format=csv" })
        {
            var r = await trainee.GetAsync(url);
            Assert.True(r.StatusCode is HttpStatusCode.Forbidden || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.ToString().Contains("access-denied")), $"{url}: {(int)r.StatusCode}");
        }
        var hr = await _factory.AUser(Roles.HR);
        Assert.Contains("access-denied", (await hr.GetAsync("/grading")).Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/results")).StatusCode);
        Assert.Contains("/account/login", (await _factory.NewClient().GetAsync("/grading")).Headers.Location!.ToString());
    }

    [Fact]
    public async Task Regrading_after_a_corrected_key_changes_the_score_audits_before_and_after_and_flags_a_pass_mark_crossing()
    {
        const string cert = "regrade-cert";
        await _factory.APaper(cert, "certification", 6m, (ExamScenario.Single, 10m));
        var trainee = await ExamScenario.TraineeAsync(_factory);
        var id = await ExamScenario.StartAsync(trainee, cert);
        await ExamScenario.AnswerAsync(_factory, id, ExamScenario.WrongChoice);
        await ExamScenario.SubmitAsync(trainee, id);
        var before = await ExamScenario.AttemptAsync(_factory, id);
        Assert.Equal(0m, before.Score);
        Assert.False(before.Passed);
        Assert.Empty(_passes.Heard);

        // The examiner decides the option the trainee chose is in fact the right one: a new version with a corrected key.
        int chosen;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var record = await db.Questions.SingleAsync(q => q.Id == ExamScenario.Single);
            var current = QuestionJson.Deserialize(await db.QuestionVersions.Where(v => v.QuestionId == record.Id && v.Version == record.CurrentVersion).Select(v => v.PayloadJson).SingleAsync());
            chosen = current.Options.Select((o, i) => (o, i)).First(x => !x.o.Correct).i;
            var corrected = current with { Options = current.Options.Select((o, i) => o with { Correct = i == chosen }).ToList() };
            scope.ServiceProvider.GetRequiredService<QuestionVersioning>().AddVersion(record, corrected, "examiner@demo.local", "key corrected", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var version = await _factory.ScopedAsync(db => db.Questions.Where(q => q.Id == ExamScenario.Single).Select(q => q.CurrentVersion).SingleAsync());

        var examiner = await _factory.AUser(Roles.Examiner);
        Assert.Contains($"/grading/regrade/{ExamScenario.Single}", await examiner.GetStringAsync($"/bank/{ExamScenario.Single}"));
        var page = $"/grading/regrade/{ExamScenario.Single}";
        var html = await examiner.GetStringAsync(page);
        Assert.Matches($@"v{version - 1}</a></td>\s*<td>1</td>", html);
        var posted = await examiner.PostFormAsync(page, page, []);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var after = await ExamScenario.AttemptAsync(_factory, id);
        Assert.Equal(10m, after.Score);
        Assert.True(after.Passed);
        Assert.Equal(GradingStatus.Final, after.Grading);
        Assert.True(after.PassChangedByRegrade);
        var item = await _factory.ScopedAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == id));
        Assert.Equal(version, item.Version);
        Assert.True(item.Correct);
        var audit = await _factory.ScopedAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.GradingRegraded));
        Assert.Equal($"attempt:{id}", audit.Target);
        Assert.Matches(@"score 0(\.0+)?→10(\.0+)? of 10", audit.Details);
        Assert.Contains("verdict fail→pass", audit.Details);
        Assert.Contains($"v{version - 1}→v{version}", audit.Details);
        // The newly passed certification is announced, with the regraded score.
        var heard = Assert.Single(_passes.Heard);
        Assert.Equal(id, heard.AttemptId);
        Assert.Equal(10m, heard.Score);

        // Nothing left to regrade: a second run changes nothing and writes no audit entry.
        Assert.Contains("所有已交卷的考试都已按当前版本评分", await examiner.GetStringAsync(page));
        Assert.Equal(HttpStatusCode.Redirect, (await examiner.PostFormAsync("/grading", page, [])).StatusCode);
        Assert.Equal(1, await _factory.ScopedAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.GradingRegraded)));
    }

    [Fact]
    public async Task Regrade_keeps_manual_scores_and_leaves_unchanged_attempts_out_of_the_audit()
    {
        await _factory.APaper(Paper, "mock", 12m, (ExamScenario.Single, 10m), (ExamScenario.Essay, 10m));
        var trainee = await ExamScenario.TraineeAsync(_factory);
        var id = await ExamScenario.StartAsync(trainee, Paper);
        await ExamScenario.AnswerAsync(_factory, id, (q, l) => q.Type == QuestionType.Essay ? new Response { Text = "作答" } : ExamKeys.DisplayedKey(q, l));
        await ExamScenario.SubmitAsync(trainee, id);
        var examiner = await _factory.AUser(Roles.Examiner);
        var item = await FirstItemLinkAsync(examiner);
        await examiner.PostFormAsync(item, item, [F("Score", "6")]);
        Assert.Equal(16m, (await ExamScenario.AttemptAsync(_factory, id)).Score);

        // A new essay version (rubric wording only): the regrade keeps the examiner's 6 points, so the attempt does not change.
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var record = await db.Questions.SingleAsync(q => q.Id == ExamScenario.Essay);
            var current = QuestionJson.Deserialize(await db.QuestionVersions.Where(v => v.QuestionId == record.Id && v.Version == record.CurrentVersion).Select(v => v.PayloadJson).SingleAsync());
            scope.ServiceProvider.GetRequiredService<QuestionVersioning>().AddVersion(record, current with { Rubric = current.Rubric + "\n- 表述清楚" }, "examiner@demo.local", "rubric", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var page = $"/grading/regrade/{ExamScenario.Essay}";
        Assert.Equal(HttpStatusCode.Redirect, (await examiner.PostFormAsync(page, page, [])).StatusCode);
        var after = await ExamScenario.AttemptAsync(_factory, id);
        Assert.Equal(16m, after.Score);
        Assert.True(after.Passed);
        Assert.False(after.PassChangedByRegrade);
        var essay = await _factory.ScopedAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == id && i.QuestionId == ExamScenario.Essay));
        Assert.Equal(6m, essay.ManualScore);
        Assert.Equal(0, await _factory.ScopedAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.GradingRegraded)));
    }
}
