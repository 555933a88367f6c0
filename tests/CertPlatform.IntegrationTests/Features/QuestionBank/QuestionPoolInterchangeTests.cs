using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Features.QuestionBank;

/// <summary>
/// Issue 15: exports carry a question's pool and re-importing restores it — a new question (or copy) gets the file's
/// pool; a bank question takes the file's pool only when the examiner chooses "update".
/// </summary>
public sealed partial class QuestionPoolInterchangeTests(SharedApp app) : IClassFixture<SharedApp>
{
    private const string Lesson = "p1-after-sales-service";
    private const string Secure = "p1-after-sales-service-q09";
    private AppFactory Factory => app.Factory;

    [GeneratedRegex("action=\"(/bank/import/[0-9a-f-]+/commit)\"")]
    private static partial Regex CommitAction();

    private async Task<string> ImportAsync(HttpClient client, string fileName, byte[] bytes, string existing)
    {
        var response = await QuestionImportExportTests.Upload(client, fileName, bytes, lesson: null);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"import-errors\"", html);
        var commit = await client.PostFormAsync("/bank/import", WebUtility.HtmlDecode(CommitAction().Match(html).Groups[1].Value), [new("existing", existing)]);
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        return html;
    }

    private Task<QuestionPool> PoolAsync(string id) => Factory.ScopedAsync(db => db.Questions.Where(q => q.Id == id).Select(q => q.Pool).SingleAsync());

    private async Task<QuestionPool> CurrentVersionPoolAsync(string id) => QuestionJson.Deserialize(await Factory.ScopedAsync(db =>
        db.QuestionVersions.Where(v => v.QuestionId == id && db.Questions.Any(q => q.Id == id && q.CurrentVersion == v.Version)).Select(v => v.PayloadJson).SingleAsync())).Pool;

    /// <summary>Moves a bank question into the practice pool, as the editor's pool field would (no new version needed here).</summary>
    private async Task MakePracticeAsync(string id)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var record = await db.Questions.SingleAsync(q => q.Id == id);
        record.Pool = QuestionPool.Practice;
        var version = await db.QuestionVersions.SingleAsync(v => v.QuestionId == id && v.Version == record.CurrentVersion);
        version.PayloadJson = QuestionJson.Serialize(QuestionJson.Deserialize(version.PayloadJson) with { Pool = QuestionPool.Practice });
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<Web.Features.QuestionBank.QuestionVersionCache>().Invalidate();
    }

    [Theory]
    [InlineData("MoodleXml", "bank.xml")]
    [InlineData("Gift", "bank.gift")]
    [InlineData("Qti", "bank.zip")]
    public async Task An_export_reimported_with_update_restores_the_pool_and_skip_leaves_the_bank_as_it_is(string format, string fileName)
    {
        var client = await Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);
        Assert.Equal(QuestionPool.Secure, await PoolAsync(Secure));
        var export = await client.GetByteArrayAsync($"/bank/export?format={format}&Lesson={Lesson}&confirmed=true");

        // The bank question went to practice since the export; skipping the file's version changes nothing.
        await MakePracticeAsync(Secure);
        var preview = await ImportAsync(client, fileName, export, "Skip");
        Assert.Contains($"data-id=\"{Secure}\" data-kind=\"Changed\"", preview);
        Assert.Equal(QuestionPool.Practice, await PoolAsync(Secure));

        // Choosing "update" takes the file's pool: back in the secure pool, column and new version alike.
        await ImportAsync(client, fileName, export, "Update");
        Assert.Equal(QuestionPool.Secure, await PoolAsync(Secure));
        Assert.Equal(QuestionPool.Secure, await CurrentVersionPoolAsync(Secure));
    }

    [Fact]
    public async Task A_new_question_from_a_moodle_export_gets_the_pool_the_file_names()
    {
        var client = await Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);
        var xml = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/bank/export?format=MoodleXml&Lesson={Lesson}"));
        Assert.Contains("certplatform:pool=secure", xml);
        // Another platform's copy of the file: every question renamed, so all of them are new to the bank.
        var renamed = xml.Replace($"{Lesson}-q", "pool-copy-q", StringComparison.Ordinal);
        await ImportAsync(client, "copy.xml", Encoding.UTF8.GetBytes(renamed), "Update");
        Assert.Equal(QuestionPool.Secure, await PoolAsync("pool-copy-q09"));
        Assert.Equal(QuestionPool.Practice, await PoolAsync("pool-copy-q01"));
    }
}
