using System.Net;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.QuestionBank;

public sealed class QuestionBankTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;
    private ContentCatalog Catalog => Factory.Services.GetRequiredService<ContentCatalog>();
    private Task<HttpClient> Examiner() => Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);

    [Fact]
    public async Task The_shipped_bank_is_loaded_into_the_database_on_first_run()
    {
        var count = await Factory.ScopedAsync(db => db.Questions.CountAsync());
        Assert.Equal(Catalog.Questions.Count, count);
        Assert.True(count >= 600);
        var first = Catalog.Questions[0].Question;
        var json = await Factory.ScopedAsync(db => db.QuestionVersions.Where(v => v.QuestionId == first.Id && v.Version == 1).Select(v => v.PayloadJson).SingleAsync());
        Assert.Equal(QuestionJson.Serialize(first), json);
    }

    public static TheoryData<string> BankPages => ["/bank", "/bank/p1-swot-q01", "/bank/p1-swot-q01/diff?from=1&to=1"];

    [Theory]
    [MemberData(nameof(BankPages))]
    public async Task Trainees_and_hr_never_reach_bank_pages_or_keys(string path)
    {
        var explanation = Catalog.Questions.Single(q => q.Question.Id == "p1-swot-q01").Question.Explanation;
        foreach (var role in new[] { Roles.Trainee, Roles.HR })
        {
            var client = await Factory.SignedInClient(Demo.Account(role).Email, Demo.Account(role).Password);
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("access-denied", response.Headers.Location!.ToString());
            Assert.DoesNotContain(explanation, await response.Content.ReadAsStringAsync());
        }
        var anonymous = await Factory.NewClient().GetAsync(path);
        Assert.Contains("/account/login", anonymous.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await (await Examiner()).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Trainees_cannot_post_bulk_changes()
    {
        var trainee = await Factory.SignedInClient(Demo.Account(Roles.Trainee).Email, Demo.Account(Roles.Trainee).Password);
        var response = await trainee.PostFormAsync("/lessons", "/bank/bulk", [F("ids", "p1-swot-q02"), F("action", "Retire")]);
        Assert.Contains("access-denied", response.Headers.Location!.ToString());
        Assert.Equal("Ready", await Factory.ScopedAsync(db => db.Questions.Where(q => q.Id == "p1-swot-q02").Select(q => q.Status).SingleAsync()));
    }

    [Fact]
    public async Task Examiners_filter_by_part_type_difficulty_and_text()
    {
        var client = await Examiner();
        var doc = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/bank?Part=part4&Type=Fill&Difficulty=1"));
        var ids = doc.QuerySelectorAll("#bank-table tbody tr td:nth-child(2) a").Select(a => a.TextContent).ToList();
        var expected = Catalog.Questions.Select(b => b.Question)
            .Where(q => q.Type == QuestionType.Fill && q.Difficulty == 1 && Catalog.Find(q.LessonId)!.PartId == "part4").Select(q => q.Id).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);

        var stemWord = Catalog.Questions.Single(b => b.Question.Id == "p1-swot-q01").Question.Stem[..6];
        var byText = await client.GetStringAsync("/bank?Q=" + Uri.EscapeDataString(stemWord));
        Assert.Contains("p1-swot-q01", byText);
    }

    [Fact]
    public async Task Question_page_shows_the_trainee_preview_without_the_key_and_the_key_separately()
    {
        var client = await Examiner();
        var q = Catalog.Questions.Single(b => b.Question.Id == "p1-swot-q01").Question;
        var doc = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/bank/p1-swot-q01"));
        var preview = doc.QuerySelector(".question-preview")!;
        Assert.Contains(q.Stem, preview.TextContent);
        Assert.Equal(q.Options.Count, preview.QuerySelectorAll("input[type=radio]").Length);
        Assert.DoesNotContain(q.Explanation, preview.OuterHtml);
        Assert.Contains(q.Explanation, doc.QuerySelector(".question-key")!.TextContent);
    }

    [Fact]
    public async Task Bulk_retire_and_tag_create_versions_that_can_be_diffed_and_are_audited()
    {
        var client = await Examiner();
        var response = await client.PostFormAsync("/bank", "/bank/bulk",
            [F("ids", "p1-crm-q01"), F("ids", "p1-crm-q02"), F("action", "Retire"), F("returnUrl", "/bank?Lesson=p1-crm")]);
        Assert.Equal("/bank?Lesson=p1-crm", response.Headers.Location?.OriginalString);
        await client.PostFormAsync("/bank", "/bank/bulk", [F("ids", "p1-crm-q01"), F("action", "AddTag"), F("tag", "待复核")]);

        var record = await Factory.ScopedAsync(db => db.Questions.SingleAsync(q => q.Id == "p1-crm-q01"));
        Assert.Equal(("Retired", 3, Demo.Account(Roles.Examiner).Email), (record.Status, record.CurrentVersion, record.UpdatedBy));
        Assert.Contains("|待复核|", record.Tags);
        var tagged = await client.GetStringAsync("/bank?Tag=" + Uri.EscapeDataString("待复核"));
        Assert.Contains("p1-crm-q01", tagged);
        Assert.DoesNotContain("p1-crm-q02", tagged);

        var diff = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/bank/p1-crm-q01/diff?from=1&to=2"));
        Assert.Contains(diff.QuerySelectorAll("pre.diff .removed"), s => s.TextContent.Contains("\"ready\""));
        Assert.Contains(diff.QuerySelectorAll("pre.diff .added"), s => s.TextContent.Contains("\"retired\""));
        Assert.Contains(await Factory.ScopedAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "questions.bulk-retire");
    }

    [Fact]
    public async Task Content_sync_adds_new_updates_unedited_and_keeps_examiner_edits()
    {
        using var factory = new AppFactory();
        var catalog = factory.Services.GetRequiredService<ContentCatalog>();
        var examiner = await factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);
        await examiner.PostFormAsync("/bank", "/bank/bulk", [F("ids", "p1-swot-q02"), F("action", "AddTag"), F("tag", "考官修改")]);

        // A later release of content/questions: one new question, two changed ones (one of them edited by an examiner).
        var changed = catalog.Questions.Select(b => b.Question.Id switch
        {
            "p1-swot-q01" or "p1-swot-q02" => b with { Question = b.Question with { Explanation = b.Question.Explanation + "（修订）" } },
            _ => b,
        }).ToList();
        var added = changed[0] with { Question = changed[0].Question with { Id = "p1-customer-classification-q99" } };
        var release = new ContentCatalog(catalog.Curriculum, catalog.Ordered.ToDictionary(l => l.Id), catalog.RootPath, [.. changed, added]);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var seeder = new QuestionBankSeeder(db, release, new QuestionVersioning(db, release), TimeProvider.System, NullLogger<QuestionBankSeeder>.Instance);
        var outcome = await seeder.SyncAsync();
        Assert.Equal((1, 1, 1), (outcome.Added, outcome.Updated, outcome.Flagged));

        var q1 = await db.Questions.AsNoTracking().SingleAsync(q => q.Id == "p1-swot-q01");
        Assert.Equal(2, q1.CurrentVersion);
        var q2 = await db.Questions.AsNoTracking().SingleAsync(q => q.Id == "p1-swot-q02");
        Assert.True(q2.ContentUpdatePending);
        Assert.Equal(2, q2.CurrentVersion); // the examiner's version stays current
        Assert.Contains("|考官修改|", q2.Tags);

        var again = await new QuestionBankSeeder(db, release, new QuestionVersioning(db, release), TimeProvider.System, NullLogger<QuestionBankSeeder>.Instance).SyncAsync();
        Assert.Equal((0, 0, 0), (again.Added, again.Updated, again.Flagged));
    }
}
