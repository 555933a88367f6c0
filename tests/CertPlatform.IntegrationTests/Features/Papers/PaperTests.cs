using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Features.Papers;

public sealed class PaperTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;

    [Fact]
    public async Task The_certification_paper_and_a_mock_per_part_are_seeded_and_can_be_filled_from_the_bank()
    {
        var papers = await Factory.ScopedAsync(db => db.Papers.OrderBy(p => p.Id).ToListAsync());
        Assert.Contains(papers, p => p.Id == PaperSeeder.CertificationId && p.TimeLimitMinutes == 90 && p.PassMark == 60m);
        Assert.Equal(["mock-part1", "mock-part2", "mock-part3", "mock-part4", "mock-part5"], papers.Where(p => p.Kind == "mock").Select(p => p.Id));

        var sections = PaperSeeder.CertificationBlueprint;
        Assert.Equal(100m, sections.Sum(s => s.Count * s.PointsEach));
        decimal Share(string part) => sections.Where(s => s.PartId == part).Sum(s => s.Count * s.PointsEach);
        Assert.Equal((35m, 30m, 20m, 15m), (Share("part1"), Share("part2"), Share("part3"), Share("part4")));

        // Draw a real paper from the seeded bank: every section fills, no question twice.
        var pool = (await Factory.Services.GetRequiredService<QuestionVersionCache>().PoolAsync(CancellationToken.None)).Candidates;
        Assert.All(Blueprint.Feasibility(sections, pool), f => Assert.True(f.Feasible, $"{f.Section.Title}: {f.Available} < {f.Section.Count}"));
        var paper = Blueprint.Draw(sections, pool, new HashSet<string>(), seed: 7);
        Assert.Equal(sections.Sum(s => s.Count), paper.Select(q => q.Id).Distinct().Count());
    }

    [Fact]
    public async Task Every_seeded_mock_paper_can_be_passed_and_one_seeded_with_the_old_unreachable_pass_mark_is_repaired_once()
    {
        var mocks = await Factory.ScopedAsync(db => db.Papers.Where(p => p.Kind == PaperKind.Mock).ToListAsync());
        Assert.All(mocks, m =>
        {
            var total = PaperAccess.Sections(m).Sum(s => s.Count * s.PointsEach);
            Assert.True(m.PassMark <= total, $"{m.Id}: pass mark {m.PassMark} of {total} points");
            Assert.Equal(Math.Ceiling(total * 0.6m), m.PassMark);
        });

        // A database seeded by an earlier version: pass mark 60 on a 24-point mock paper, as seeded; another edited by an examiner.
        await Factory.ScopedAsync(db => db.Papers.Where(p => p.Id == "mock-part2").ExecuteUpdateAsync(s => s.SetProperty(p => p.PassMark, 60m)));
        await Factory.ScopedAsync(db => db.Papers.Where(p => p.Id == "mock-part3")
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PassMark, 60m).SetProperty(p => p.UpdatedById, "examiner-1")));
        for (var run = 0; run < 2; run++)
        {
            using var scope = Factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<PaperSeeder>().EnsureAsync();
        }

        var after = await Factory.ScopedAsync(db => db.Papers.Where(p => p.Id == "mock-part2" || p.Id == "mock-part3").ToDictionaryAsync(p => p.Id, p => p.PassMark));
        Assert.Equal(15m, after["mock-part2"]);
        Assert.Equal(60m, after["mock-part3"]); // an examiner's paper is theirs: the editor now refuses that value instead
        var audits = await Factory.ScopedAsync(db => db.AuditEntries.Where(a => a.Action == "paper.pass-mark-repaired").ToListAsync());
        var audit = Assert.Single(audits);
        Assert.Equal("paper:mock-part2", audit.Target);
        await Factory.ScopedAsync(db => db.Papers.Where(p => p.Id == "mock-part3").ExecuteUpdateAsync(s => s.SetProperty(p => p.PassMark, 15m)));
    }

    [Fact]
    public async Task Examiners_see_each_paper_with_its_feasibility_and_trainees_do_not()
    {
        var examiner = await Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);
        var doc = await new HtmlParser().ParseDocumentAsync(await examiner.GetStringAsync("/papers"));
        var cert = doc.GetElementById($"paper-{PaperSeeder.CertificationId}")!;
        Assert.Contains("满分 100", cert.TextContent);
        Assert.Contains("题量充足", cert.TextContent);
        Assert.Empty(doc.QuerySelectorAll("tr.row-error"));

        var trainee = await Factory.SignedInClient(Demo.Account(Roles.Trainee).Email, Demo.Account(Roles.Trainee).Password);
        Assert.Contains("access-denied", (await trainee.GetAsync("/papers")).Headers.Location!.ToString());
    }
}
