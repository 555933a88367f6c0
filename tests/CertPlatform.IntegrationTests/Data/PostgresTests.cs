using System.Net;
using System.Text;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Data;

public sealed class PostgresTests(PostgresDatabase pg) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Exams_start_autosave_and_submit_on_postgresql()
    {
        var client = await (await pg.Factory.AUser(Roles.Trainee)).WithApiTokenAsync();
        var starts = await Task.WhenAll(client.StartAsync("mock-part2"), client.StartAsync("mock-part2"));
        Assert.All(starts, s => Assert.Equal(HttpStatusCode.Created, s.StatusCode));
        var ids = await Task.WhenAll(starts.Select(async s => (string)(await s.JsonAsync())["attemptId"]!));
        Assert.Equal(ids[0], ids[1]);
        var saves = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => client.SaveAsync(ids[0], i, new { selected = new[] { 0 } }, 1)));
        Assert.All(saves, s => Assert.Equal(HttpStatusCode.OK, s.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(ids[0], 0, new { selected = new[] { 1 } }, 2)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.SaveAsync(ids[0], 0, new { selected = new[] { 2 } }, 1)).StatusCode);
        var results = await Task.WhenAll(client.SubmitAsync(ids[0]), client.SubmitAsync(ids[0]));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(20, await pg.Factory.ScopedAsync(db => db.AttemptItems.CountAsync(i => i.AttemptId == ids[0])));
        Assert.Equal(10, await pg.Factory.ScopedAsync(db => db.AttemptAnswers.CountAsync(a => a.AttemptId == ids[0])));
        Assert.Equal(HttpStatusCode.Gone, (await client.SaveAsync(ids[0], 11, new { selected = new[] { 0 } }, 1)).StatusCode);
    }

    [Fact]
    public async Task The_app_migrates_postgresql_and_reports_it_healthy()
    {
        var response = await pg.Factory.NewClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var c = new NpgsqlConnection(pg.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", c);
        Assert.True((long)(await cmd.ExecuteScalarAsync())! >= 1);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", await pg.Factory.ScopedAsync(db => Task.FromResult(db.Database.ProviderName)));
    }

    [Fact]
    public async Task Progress_and_resume_persist_on_postgresql()
    {
        var demo = Demo.Account(Roles.Trainee);
        var client = await pg.Factory.SignedInClient(demo.Email, demo.Password);
        await client.PostFormAsync("/lessons/p1-swot", "/lessons/p1-swot/learned", [F("learned", "true")]);
        await client.GetAsync("/lessons/p1-crm");
        var again = await pg.Factory.SignedInClient(demo.Email, demo.Password);
        Assert.Equal("/lessons/p1-crm", (await again.GetAsync("/lessons/resume")).Headers.Location?.OriginalString);
        Assert.Contains("learned-state", await again.GetStringAsync("/lessons/p1-swot"));
    }

    [Fact]
    public async Task Employee_import_commits_in_one_transaction_on_postgresql()
    {
        var admin = await pg.Factory.AUser(Roles.Admin);
        var csv = "姓名,工号,单位,角色,邮箱\n林一,P1001,示例分公司,学员,lin1@example.com\n林二,P1002,示例分公司,考官,lin2@example.com\n";
        var html = await (await Upload.EmployeeFile(admin, "staff.csv", Encoding.UTF8.GetBytes(csv))).Content.ReadAsStringAsync();
        var action = Upload.EmployeeCommitUrl(html);
        Assert.NotNull(action);
        await admin.PostFormAsync("/admin/users/import", action, []);
        Assert.Equal(2, await pg.Factory.ScopedAsync(db => db.Users.CountAsync(u => u.EmployeeNumber == "P1001" || u.EmployeeNumber == "P1002")));
    }
}
