using System.Net;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.IntegrationTests.Features.Records;

/// <summary>
/// Issue 11 leftover: HR's /records has the filter "待核验身份（已通过但证书暂缓）" listing passes held until the holder's
/// account is verified, the CSV/XLSX exports honour it, and the page links to /admin/verification.
/// </summary>
public sealed class HeldPassRecordsTests : IDisposable
{
    private readonly AppFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private async Task<string> PassAsync(string email, string name, string number, bool verified)
    {
        var client = await _factory.NewTraineeClientAsync(email, u => { u.FullName = name; u.EmployeeNumber = number; u.IsVerified = verified; });
        return (await _factory.APass(client)).AttemptId;
    }

    [Fact]
    public async Task The_held_filter_lists_held_passes_only_and_the_exports_follow_it()
    {
        var held = await PassAsync("held-r@demo.local", "宋九", "H7001", verified: false);
        var issued = await PassAsync("issued-r@demo.local", "周十", "H7002", verified: true);
        var number = await _factory.ScopedAsync(db => db.Certificates.Where(c => c.AttemptId == issued).Select(c => c.Number).SingleAsync());
        var hr = await _factory.SignedInClient(Demo.Account(Roles.HR).Email, Demo.Account(Roles.HR).Password);

        // Without the filter: certificates, and the filter is offered.
        var all = WebUtility.HtmlDecode(await hr.GetStringAsync("/records"));
        Assert.Contains(number, all);
        Assert.DoesNotContain($"data-attempt=\"{held}\"", all);
        Assert.Contains("<option value=\"held\"", all);
        Assert.Contains("待核验身份（已通过但证书暂缓）", all);

        var page = WebUtility.HtmlDecode(await hr.GetStringAsync("/records?status=held"));
        Assert.Contains($"data-attempt=\"{held}\"", page);
        Assert.Contains("宋九", page);
        Assert.Contains("H7001", page);
        Assert.DoesNotContain(number, page);
        Assert.DoesNotContain("周十", page);
        Assert.Contains("共 1 条已通过但证书暂缓的记录", page);
        Assert.Contains("href=\"/admin/verification\"", page);
        Assert.Contains("<option value=\"held\" selected=\"selected\"", page);

        // Other criteria narrow the held list too.
        Assert.Contains("共 0 条", WebUtility.HtmlDecode(await hr.GetStringAsync("/records?status=held&emp=H7002")));

        var csv = await hr.GetStringAsync("/records/export.csv?status=held");
        Assert.Contains("宋九", csv);
        Assert.Contains("H7001", csv);
        Assert.Contains("待核验身份（已通过但证书暂缓）", csv);
        Assert.DoesNotContain(number, csv);
        Assert.DoesNotContain("周十", csv);
        var xlsx = await hr.GetAsync("/records/export.xlsx?status=held");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.StartsWith("held-passes-", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Contains(await _factory.ScopedAsync(db => db.AuditEntries.Where(a => a.Action == "records.exported").Select(a => a.Details).ToListAsync()),
            d => d.Contains("1 held passes") && d.Contains("status=held"));

        // The certificate exports without the filter stay as they were.
        var certificates = await hr.GetStringAsync("/records/export.csv");
        Assert.Contains(number, certificates);
        Assert.DoesNotContain("宋九", certificates);
    }
}
