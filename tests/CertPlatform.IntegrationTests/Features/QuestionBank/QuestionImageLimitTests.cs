using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.IntegrationTests.Features.QuestionBank;

/// <summary>An app whose images may be up to 2 MB (<c>QuestionImages:MaxImageBytes</c>), not the default 1 MB.</summary>
public sealed class TwoMegabyteImagesApp : IDisposable
{
    public AppFactory Factory { get; } = new AppFactory().With("QuestionImages:MaxImageBytes", (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
    public void Dispose() => Factory.Dispose();
}

/// <summary>Editor uploads are checked against the configured <c>QuestionImages:MaxImageBytes</c>, which the form and the message name.</summary>
public sealed class QuestionImageLimitTests(TwoMegabyteImagesApp app) : IClassFixture<TwoMegabyteImagesApp>
{
    private AppFactory Factory => app.Factory;

    /// <summary>A PNG signature followed by filler: sniffed as PNG, <paramref name="size"/> bytes long.</summary>
    private static byte[] Png(int size)
    {
        var bytes = new byte[size];
        ((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).CopyTo(bytes);
        return bytes;
    }

    private static async Task<HttpResponseMessage> Create(HttpClient client, string id, byte[] image)
    {
        var token = await client.AntiforgeryTokenAsync("/bank/new?type=Single");
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in new[]
        {
            ("__RequestVerificationToken", token), ("Type", "Single"), ("Id", id), ("LessonId", "p4-fttx"), ("Difficulty", "2"), ("Status", "Ready"),
            ("Points", "1"), ("Stem", "图中标出的设备是（  ）。"), ("Options[0].Text", "OLT"), ("Options[0].Correct", "true"), ("Options[1].Text", "ONU"),
        })
            form.Add(new StringContent(v), k);
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "StemImageFile", "photo.png");
        return await client.PostAsync("/bank/new", form);
    }

    [Fact]
    public async Task An_image_over_one_megabyte_is_accepted_under_the_configured_two_and_one_over_two_is_refused_naming_the_limit()
    {
        var examiner = await Factory.SignedInClient(Demo.Account(Roles.Examiner).Email, Demo.Account(Roles.Examiner).Password);
        var form = await new HtmlParser().ParseDocumentAsync(await examiner.GetStringAsync("/bank/new?type=Single"));
        Assert.Contains("不超过 2 MB", form.QuerySelector("label[for=StemImageFile]")!.TextContent);

        var accepted = await Create(examiner, "p4-fttx-q95", Png(1536 * 1024));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(1536 * 1024, await Factory.ScopedAsync(db => db.QuestionImages.Where(i => i.FileName == "photo.png").Select(i => i.Length).SingleAsync()));

        var refused = await Create(examiner, "p4-fttx-q96", Png(2 * 1024 * 1024 + 1));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains("图片“photo.png”超过 2 MB 的上限", page.GetElementById("StemImage-error")!.TextContent);
        Assert.False(await Factory.ScopedAsync(db => db.Questions.AnyAsync(q => q.Id == "p4-fttx-q96")));
    }
}
