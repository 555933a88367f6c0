using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.IntegrationTests.Features.Analytics;

/// <summary>An uploaded results matrix is kept in the database: another instance serves its exports, to its owner only, until it expires.</summary>
public sealed class UploadedMatrixInstancesTests : IDisposable
{
    private readonly AppFactory _first = new();
    private readonly AppFactory _second;

    public UploadedMatrixInstancesTests() => _second = new AppFactory(_first.DataFolder) { KeepDataFolder = true };

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    [Fact]
    public async Task A_matrix_uploaded_on_one_instance_is_exported_by_the_other_for_its_owner_until_it_expires()
    {
        _ = _first.Services; // the first instance migrates the shared database before the second starts
        var examiner = await _first.AUser(Roles.Examiner);
        var uploaded = await Upload.File(examiner, "/analytics", "/analytics/upload", "matrix.csv",
            Encoding.UTF8.GetBytes("attempt,Q1,Q2,Q3\nmax,1,1,1\nt0,1,1,1\nt1,1,1,0\nt2,1,0,0\nt3,0,0,0\n"));
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var export = new HtmlParser().ParseDocument(await uploaded.Content.ReadAsStringAsync()).QuerySelector("#test-heading a")!.GetAttribute("href")!;
        var here = await examiner.GetStringAsync(export);
        Assert.Contains("cronbach_alpha", here);

        // The same examiner signed in on the other instance gets the very same export; another user does not.
        var elsewhere = await _second.AUser(Roles.Examiner);
        Assert.Equal(here, await elsewhere.GetStringAsync(export));
        var admin = await _second.SignedInClient(Demo.Account(Roles.Admin).Email, Demo.Account(Roles.Admin).Password);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(export)).StatusCode);

        // Expired: found nowhere.
        await _second.ScopedAsync(db => db.UploadedMatrices.ExecuteUpdateAsync(s => s.SetProperty(m => m.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(export)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await examiner.GetAsync(export)).StatusCode);
    }
}
