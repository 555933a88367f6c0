using System.Net;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.IntegrationTests.Features.QuestionBank;

/// <summary>The item-writing lint on questions in the database: the /bank/lint list and the question page's panel.</summary>
public sealed class BankLintTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;
    private Task<HttpClient> Examiner() => Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);

    [Fact]
    public async Task The_shipped_bank_has_no_flagged_questions_and_an_examiner_edited_flaw_is_listed_and_shown()
    {
        var examiner = await Examiner();
        var page = await examiner.GetStringAsync("/bank/lint");
        Assert.Contains("没有发现问题。", page);
        Assert.Contains("1 条已免检", page); // p4-e-home-q07's silenced fill-variant

        // An examiner's version with an "以上都对" option (stored like any saved edit: a new current version).
        const string id = "p1-swot-q01";
        await Factory.ScopedAsync(async db =>
        {
            var record = await db.Questions.SingleAsync(q => q.Id == id);
            var current = await db.QuestionVersions.SingleAsync(v => v.QuestionId == id && v.Version == record.CurrentVersion);
            var q = QuestionJson.Deserialize(current.PayloadJson);
            var edited = q with { Options = [.. q.Options.Take(3), new ChoiceOption("以上都对", false)] };
            db.QuestionVersions.Add(new QuestionVersion
            {
                QuestionId = id, Version = record.CurrentVersion + 1, PayloadJson = QuestionJson.Serialize(edited),
                CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "examiner@demo.local", Note = "test",
            });
            record.CurrentVersion++;
            return await db.SaveChangesAsync();
        });

        var list = await examiner.GetStringAsync("/bank/lint?rule=all-or-none-option");
        Assert.Contains($"/bank/{id}", list);
        Assert.Contains("选项“以上都对”属于“以上都对/以上都不对”", list);
        var show = await examiner.GetStringAsync($"/bank/{id}");
        Assert.Contains("id=\"lint-panel\"", show);
        Assert.Contains("all-or-none-option", show);
    }

    [Fact]
    public async Task Trainees_do_not_reach_the_lint_page()
    {
        var trainee = await Factory.SignedInClient(Demo.Account(Roles.Trainee).Email, Demo.Account(Roles.Trainee).Password);
        var response = await trainee.GetAsync("/bank/lint");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location!.ToString());
    }
}
