using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.IntegrationTests.Features.QuestionBank;

public sealed class QuestionImageTests(SharedApp app) : IClassFixture<SharedApp>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private AppFactory Factory => app.Factory;

    private static async Task<HttpResponseMessage> CreateWithImage(HttpClient client, string id, string fileName, byte[] image, string? optionFile = null)
    {
        var token = await client.AntiforgeryTokenAsync("/bank/new?type=Single");
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in new[]
        {
            ("__RequestVerificationToken", token), ("Type", "Single"), ("Id", id), ("LessonId", "p4-fttx"), ("Anchor", "pon-components"),
            ("Difficulty", "2"), ("Status", "Ready"), ("Points", "1"), ("Stem", "图中标出的设备是（  ）。"), ("Explanation", "OLT 位于局端。"),
            ("Options[0].Text", "OLT"), ("Options[0].Correct", "true"), ("Options[1].Text", "ONU"), ("Options[2].Text", "分光器"),
        })
            form.Add(new StringContent(v), k);
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png"); // what the browser claims is not trusted
        form.Add(file, "StemImageFile", fileName);
        if (optionFile is not null)
        {
            var opt = new ByteArrayContent(image);
            form.Add(opt, "Options[1].ImageFile", optionFile);
        }
        return await client.PostAsync("/bank/new", form);
    }

    private async Task<Question> Current(string id) => await Factory.ScopedAsync(async db =>
    {
        var r = await db.Questions.SingleAsync(q => q.Id == id);
        return QuestionJson.Deserialize(await db.QuestionVersions.Where(v => v.QuestionId == id && v.Version == r.CurrentVersion).Select(v => v.PayloadJson).SingleAsync());
    });

    [Fact]
    public async Task An_uploaded_image_is_stored_with_the_version_and_served_safely_to_signed_in_users()
    {
        var examiner = await Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);
        var created = await CreateWithImage(examiner, "p4-fttx-q90", "olt.png", Png, optionFile: "onu.png");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var q = await Current("p4-fttx-q90");
        Assert.Equal(64, q.StemImage!.Length);
        Assert.Equal(q.StemImage, q.Options[1].Image);

        var page = await new HtmlParser().ParseDocumentAsync(await examiner.GetStringAsync("/bank/p4-fttx-q90"));
        Assert.Contains(page.QuerySelectorAll(".question-preview img"), img => img.GetAttribute("src") == $"/images/{q.StemImage}");

        var trainee = await Factory.SignedInClient(Demo.Account(Roles.Trainee).Email, Demo.Account(Roles.Trainee).Password);
        var image = await trainee.GetAsync($"/images/{q.StemImage}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Contains("sandbox", image.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("/account/login", (await Factory.NewClient().GetAsync($"/images/{q.StemImage}")).Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await trainee.GetAsync($"/images/{new string('0', 64)}")).StatusCode);
    }

    [Fact]
    public async Task An_svg_or_a_disguised_file_is_refused_and_nothing_is_saved()
    {
        var examiner = await Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray();
        var response = await CreateWithImage(examiner, "p4-fttx-q91", "chart.png", svg);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("不是 PNG、JPEG、GIF 或 WebP 图片", doc.GetElementById("StemImage-error")!.TextContent);
        Assert.False(await Factory.ScopedAsync(db => db.Questions.AnyAsync(x => x.Id == "p4-fttx-q91")));
        Assert.Equal(0, await Factory.ScopedAsync(db => db.QuestionImages.CountAsync(i => i.FileName == "chart.png")));
    }

    [Fact]
    public async Task Removing_an_image_makes_a_new_version_and_the_old_version_keeps_it()
    {
        var examiner = await Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);
        await CreateWithImage(examiner, "p4-fttx-q92", "olt.png", Png);
        var before = await Current("p4-fttx-q92");
        var token = await examiner.AntiforgeryTokenAsync("/bank/p4-fttx-q92/edit");
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in new[]
        {
            ("__RequestVerificationToken", token), ("Type", "Single"), ("BaseVersion", "1"), ("LessonId", "p4-fttx"), ("Anchor", "pon-components"),
            ("Difficulty", "2"), ("Status", "Ready"), ("Points", "1"), ("Stem", before.Stem), ("Explanation", before.Explanation),
            ("StemImage", before.StemImage!), ("RemoveStemImage", "true"),
            ("Options[0].Text", "OLT"), ("Options[0].Correct", "true"), ("Options[1].Text", "ONU"), ("Options[2].Text", "分光器"),
        })
            form.Add(new StringContent(v), k);
        Assert.Equal(HttpStatusCode.Redirect, (await examiner.PostAsync("/bank/p4-fttx-q92/edit", form)).StatusCode);
        Assert.Null((await Current("p4-fttx-q92")).StemImage);
        var v1 = await Factory.ScopedAsync(db => db.QuestionVersions.Where(v => v.QuestionId == "p4-fttx-q92" && v.Version == 1).Select(v => v.PayloadJson).SingleAsync());
        Assert.Equal(before.StemImage, QuestionJson.Deserialize(v1).StemImage);
    }
}
