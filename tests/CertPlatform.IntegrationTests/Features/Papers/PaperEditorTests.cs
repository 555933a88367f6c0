using System.Net;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Papers;

/// <summary>Examiners build papers (fixed or blueprint) with audience, allowances and a password; trainees see only what is theirs.</summary>
public sealed class PaperEditorTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;

    private async Task<HttpClient> Examiner() => await Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);

    private Task<HttpClient> Trainee(string email, string employeeNumber, string department) =>
        Factory.NewTraineeClientAsync(email, u => { u.EmployeeNumber = employeeNumber; u.Department = department; u.Organization = "测试分公司"; });

    private static KeyValuePair<string, string>[] Basics(string id, string title, params KeyValuePair<string, string>[] more) =>
    [
        F("IsNew", "true"), F("Id", id), F("Title", title), F("Kind", "mock"), F("Status", "published"), F("TimeLimitMinutes", "20"),
        F("PassMark", "3"), F("AttemptsAllowed", "1"), F("ShuffleQuestions", "false"), F("ShuffleOptions", "false"),
        F("ReviewShowsScore", "true"), F("ReviewShowsAnswers", "false"), F("ReviewShowsExplanations", "false"), F("intent", "save"), .. more,
    ];

    [Fact]
    public async Task A_fixed_paper_for_named_trainees_with_an_allowance_and_a_password_reaches_only_them()
    {
        var alice = await Trainee("alice@demo.local", "E9001", "营业一部");
        var bob = await Trainee("bob@demo.local", "E9002", "营业二部");
        var examiner = await Examiner();
        var saved = await examiner.PostFormAsync("/papers/new", "/papers/save", Basics("fixed-alice", "定向小测", F("Mode", "fixed"),
            F("FixedText", "p1-swot-q01 2\np1-swot-q02 3"), F("Audience", "assigned"), F("Trainees", "E9001"), F("Allowances", "alice@demo.local 10"),
            F("NewPassword", "kaoshi-123")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Contains("paper-fixed-alice", await alice.GetStringAsync("/exams"));
        Assert.DoesNotContain("paper-fixed-alice", await bob.GetStringAsync("/exams"));
        Assert.Equal(HttpStatusCode.NotFound, (await bob.StartAsync("fixed-alice", "kaoshi-123")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.StartAsync("fixed-alice", "wrong")).StatusCode);
        var start = await alice.StartAsync("fixed-alice", "kaoshi-123");
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var body = await start.JsonAsync();
        Assert.Equal(2, body["questions"]!.AsArray().Count);
        Assert.Equal(["p1-swot-q01", "p1-swot-q02"], body["questions"]!.AsArray().Select(q => (string)q!["id"]!));
        var attempt = await Factory.ScopedAsync(db => db.Attempts.SingleAsync(a => a.PaperId == "fixed-alice"));
        Assert.Equal(TimeSpan.FromMinutes(30), attempt.Deadline - attempt.StartedAt); // 20 minutes + 10 allowed
        Assert.Equal(5m, attempt.MaxScore);
        Assert.Contains(await Factory.ScopedAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "paper.created");
    }

    [Fact]
    public async Task A_department_blueprint_paper_shows_feasibility_and_bad_input_is_reported_next_to_the_fields()
    {
        var examiner = await Examiner();
        var check = await examiner.PostFormAsync("/papers/new", "/papers/save", Basics("dept-bp", "部门蓝图", F("Mode", "blueprint"),
            F("Sections[0].Title", "第一部分单选"), F("Sections[0].Count", "5"), F("Sections[0].PointsEach", "2"), F("Sections[0].PartId", "part1"), F("Sections[0].Type", "Single"),
            F("Sections[1].Title", "太多了"), F("Sections[1].Count", "400"), F("Sections[1].PointsEach", "1"), F("Sections[1].PartId", "part4"),
            F("Audience", "assigned"), F("Departments", "营业三部")) .Select(f => f.Key == "intent" ? F("intent", "check") : f));
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var doc = await new HtmlParser().ParseDocumentAsync(await check.Content.ReadAsStringAsync());
        var rows = doc.QuerySelectorAll("table.sections tbody tr");
        Assert.DoesNotContain("row-error", rows[0].ClassName ?? "");
        Assert.Contains("row-error", rows[1].ClassName ?? "");
        Assert.False(await Factory.ScopedAsync(db => db.Papers.AnyAsync(p => p.Id == "dept-bp")));

        var bad = await examiner.PostFormAsync("/papers/new", "/papers/save", Basics("dept-bp", "", F("Mode", "fixed"), F("FixedText", "no-such-question 2\nx y z"), F("Audience", "assigned")));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var errors = string.Join("|", (await new HtmlParser().ParseDocumentAsync(await bad.Content.ReadAsStringAsync())).QuerySelectorAll(".field-error").Select(e => e.TextContent));
        Assert.Contains("请填写试卷名称", errors);
        Assert.Contains("2: x y z", errors);
        Assert.Contains("请至少填写一个单位、部门或学员", errors);
        Assert.False(await Factory.ScopedAsync(db => db.Papers.AnyAsync(p => p.Id == "dept-bp")));

        var ok = await examiner.PostFormAsync("/papers/new", "/papers/save", Basics("dept-bp", "部门蓝图", F("Mode", "blueprint"),
            F("Sections[0].Title", "第一部分单选"), F("Sections[0].Count", "5"), F("Sections[0].PointsEach", "2"), F("Sections[0].PartId", "part1"), F("Sections[0].Type", "Single"),
            F("Audience", "assigned"), F("Departments", "营业三部")));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var carol = await Trainee("carol@demo.local", "E9003", "营业三部");
        var start = await carol.StartAsync("dept-bp");
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        Assert.Equal(5, (await start.JsonAsync())["questions"]!.AsArray().Count);
        // The edit page shows what was saved.
        var edit = await examiner.GetStringAsync("/papers/dept-bp/edit");
        Assert.Contains("营业三部", edit);
        Assert.Contains("第一部分单选", edit);
    }

    [Fact]
    public async Task Trainees_cannot_open_the_paper_editor()
    {
        var trainee = await Factory.SignedInClient(Demo.Account(Roles.Trainee).Email, Demo.Account(Roles.Trainee).Password);
        var r = await trainee.GetAsync("/papers/new");
        Assert.True(r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect);
        if (r.StatusCode == HttpStatusCode.Redirect) Assert.Contains("access-denied", r.Headers.Location!.ToString());
    }
}
