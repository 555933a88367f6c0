using System.Net;
using System.Text;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Account;

/// <summary>
/// Issue 11.3: self-registered accounts are verified automatically when 工号 + name (and organisation, if given) match an
/// employee record HR imported — whichever comes first — and a mismatch is left unverified and listed for HR.
/// </summary>
public sealed class EmployeeMatchingTests : IDisposable
{
    private readonly AppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private Task<HttpClient> AdminAsync() => _factory.AUser(Roles.Admin);

    private async Task<string> ImportAsync(HttpClient admin, string csv, bool rosterOnly)
    {
        var preview = await (await Upload.EmployeeFile(admin, "roster.csv", Encoding.UTF8.GetBytes(csv), rosterOnly)).Content.ReadAsStringAsync();
        var action = Upload.EmployeeCommitUrl(preview);
        Assert.True(action is not null, preview);
        var commit = await admin.PostFormAsync("/admin/users/import", action, []);
        Assert.True(commit.IsSuccessStatusCode || commit.StatusCode == HttpStatusCode.Redirect, $"{(int)commit.StatusCode}");
        return preview;
    }

    private async Task RegisterAsync(string name, string number, string organization, string email)
    {
        var registered = await _factory.NewClient().PostFormAsync("/account/register", "/account/register",
        [
            F("FullName", name), F("EmployeeNumber", number), F("Organization", organization),
            F("Email", email), F("Password", "Lianxi-2026x"), F("ConfirmPassword", "Lianxi-2026x"),
        ]);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
    }

    private Task<AppUser> UserAsync(string number) => _factory.ScopedAsync(db => db.Users.SingleAsync(u => u.EmployeeNumber == number));

    [Fact]
    public async Task An_import_verifies_a_matching_registered_account_and_lists_a_mismatch_for_hr()
    {
        await RegisterAsync("孙一", "V1001", "示例分公司", "sun1@example.com");
        await RegisterAsync("周二", "V1002", "示例分公司", "zhou2@example.com");
        var admin = await AdminAsync();

        var preview = await ImportAsync(admin,
            "姓名,工号,单位,部门,角色,邮箱\n孙 一,V1001,示例分公司,营业部,学员,sun1@example.com\n周贰,V1002,示例分公司,营业部,学员,zhou-other@example.com\n吴三,V1003,示例分公司,营业部,学员,wu3@example.com\n",
            rosterOnly: false);
        Assert.Contains("将确认已注册的账号", preview);
        Assert.Contains("姓名与已注册账号不符", preview);

        var matched = await UserAsync("V1001");
        Assert.True(matched.IsVerified);
        Assert.True(await _factory.ScopedAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.UserVerifyMatched && a.Target == "sun1@example.com")));
        var mismatched = await UserAsync("V1002");
        Assert.False(mismatched.IsVerified);
        Assert.Equal("周二", mismatched.FullName); // the import neither renamed nor duplicated the account
        Assert.Equal(1, await _factory.ScopedAsync(db => db.Users.CountAsync(u => u.EmployeeNumber == "V1002")));
        Assert.True((await UserAsync("V1003")).IsVerified); // a new employee gets an account as before

        var hr = await _factory.AUser(Roles.HR);
        var page = await hr.GetStringAsync("/admin/verification");
        var mismatches = page[page.IndexOf("id=\"mismatches\"", StringComparison.Ordinal)..];
        Assert.Contains($"data-user=\"{mismatched.Id}\"", mismatches);
        Assert.Contains("周贰", mismatches);
        Assert.DoesNotContain($"data-user=\"{matched.Id}\"", page);
    }

    [Fact]
    public async Task Registering_after_a_roster_import_verifies_a_match_but_not_a_different_name()
    {
        var admin = await AdminAsync();
        await ImportAsync(admin, "姓名,工号,单位,部门,角色,邮箱\n郑四,V2001,示例分公司,营业部,学员,zheng4@example.com\n王五,V2002,示例分公司,营业部,学员,wang5@example.com\n", rosterOnly: true);
        Assert.False(await _factory.ScopedAsync(db => db.Users.AnyAsync(u => u.EmployeeNumber == "V2001")), "a roster import creates no accounts");
        Assert.Equal(2, await _factory.ScopedAsync(db => db.EmployeeRecords.CountAsync(r => r.EmployeeNumber.StartsWith("V200"))));

        await RegisterAsync("郑四", "V2001", "示例分公司", "zheng4@example.com");
        await RegisterAsync("王六", "V2002", "示例分公司", "wang6@example.com");
        await RegisterAsync("李七", "V2003", "示例分公司", "li7@example.com"); // no record at all

        var matched = await UserAsync("V2001");
        Assert.True(matched.IsVerified);
        Assert.NotNull(matched.VerifiedAt);
        Assert.True(await _factory.ScopedAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.UserVerifyMatched && a.Target == "zheng4@example.com")));
        Assert.False((await UserAsync("V2002")).IsVerified);
        Assert.False((await UserAsync("V2003")).IsVerified);

        var hr = await _factory.AUser(Roles.HR);
        var page = await hr.GetStringAsync("/admin/verification");
        var mismatches = page[page.IndexOf("id=\"mismatches\"", StringComparison.Ordinal)..];
        Assert.Contains("王六", mismatches);
        Assert.Contains("王五", mismatches);
        Assert.DoesNotContain("李七", mismatches);
    }
}
