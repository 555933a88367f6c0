using System.Text;
using System.Xml.Linq;
using CertPlatform.BrowserTests.Infrastructure;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPlatform.BrowserTests;

/// <summary>
/// The import preview's "apply to all" in a real browser: re-importing an edited export, the import-wide choice sets
/// every changed question's own choice, and committing "update" saves each as a new version.
/// </summary>
[Collection(ProbeSiteCollection.Name)]
public sealed class ImportApplyToAllTests(ProbeSiteFixture site)
{
    private const string Lesson = "p2-fab-selling";

    private Dictionary<string, int> Versions()
    {
        using var scope = site.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().Questions.AsNoTracking()
            .Where(q => q.LessonId == Lesson).ToDictionary(q => q.Id, q => q.CurrentVersion);
    }

    /// <summary>The export with "（修订）" added to the stems of its first <paramref name="count"/> questions; their ids.</summary>
    private static (byte[] File, List<string> Edited) Edit(byte[] export, int count)
    {
        var doc = XDocument.Parse(Encoding.UTF8.GetString(export), LoadOptions.PreserveWhitespace);
        var edited = new List<string>();
        foreach (var question in doc.Root!.Elements("question").Where(q => (string?)q.Attribute("type") == "multichoice").Take(count))
        {
            var text = question.Element("questiontext")!.Element("text")!;
            text.Value += "（修订）";
            edited.Add((string?)question.Element("idnumber") ?? question.Element("name")!.Element("text")!.Value);
        }
        return (Encoding.UTF8.GetBytes(doc.Declaration + doc.ToString(SaveOptions.DisableFormatting)), edited);
    }

    [Fact]
    public async Task Apply_to_all_sets_every_changed_question_to_update_and_the_commit_saves_new_versions()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.LogInAsync("examiner@demo.local", "Examiner-2026", "/bank");
        var export = await context.APIRequest.GetAsync($"/bank/export?format=MoodleXml&Lesson={Lesson}&confirmed=true");
        Assert.True(export.Ok, $"export answered {export.Status}");
        var (file, edited) = Edit(await export.BodyAsync(), 2);
        Assert.Equal(2, edited.Count);
        var before = Versions();

        await page.GotoAsync("/bank/import");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "edited.xml", MimeType = "text/xml", Buffer = file });
        await page.Locator("#import-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#import-summary")).ToBeVisibleAsync();
        var changed = page.Locator("select.row-choice[data-kind=Changed]");
        await Expect(changed).ToHaveCountAsync(2);
        foreach (var id in edited)
            await Expect(page.Locator($"li.import-row[data-id='{id}']")).ToHaveAttributeAsync("data-kind", "Changed");
        // Each changed row starts at "follow the import-wide choice"; an unchanged row at "skip".
        for (var i = 0; i < 2; i++) await Expect(changed.Nth(i)).ToHaveValueAsync("");
        await Expect(page.Locator("select.row-choice[data-kind=Unchanged]").First).ToHaveValueAsync("Skip");

        // "Apply to all": skip first (every changed row follows), then update.
        await page.Locator("#import-wide-choice input[value=Skip]").CheckAsync();
        for (var i = 0; i < 2; i++) await Expect(changed.Nth(i)).ToHaveValueAsync("Skip");
        await page.Locator("#import-wide-choice input[value=Update]").CheckAsync();
        for (var i = 0; i < 2; i++) await Expect(changed.Nth(i)).ToHaveValueAsync("Update");

        await page.Locator("#commit-import").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/bank");
        await Expect(page.Locator("body")).ToContainTextAsync("更新 2 道");

        var after = Versions();
        Assert.Equal(before.Keys.Order(), after.Keys.Order()); // nothing created
        foreach (var (id, version) in before)
            Assert.Equal(edited.Contains(id) ? version + 1 : version, after[id]);
    }
}
