using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Admin;

/// <summary>The user-account use cases behind /admin/users (SaveUser, SetUserActive, ResetUserPassword) as an administrator meets them.</summary>
public sealed partial class UserAccountsTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;
    private Task<HttpClient> Admin() => Factory.AUser(Roles.Admin);

    [GeneratedRegex("<code class=\"password\">([^<]+)</code>")]
    private static partial Regex PasswordCell();

    [Fact]
    public async Task A_reset_password_replaces_the_old_one_is_shown_once_with_a_safe_csv_and_must_be_changed()
    {
        var admin = await Admin();
        var user = await Factory.CreateTraineeAsync("reset@example.com", u => { u.FullName = "=HYPERLINK(\"x\")"; u.EmployeeNumber = "R7001"; });

        var page = await admin.PostFormAsync("/admin/users", $"/admin/users/{user.Id}/reset-password", []);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore, "initial passwords must not be cached");
        var html = await page.Content.ReadAsStringAsync();
        var password = PasswordCell().Match(html).Groups[1].Value;
        Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$", password);

        // The CSV download carries the same password; a name a spreadsheet would run as a formula is neutralised.
        const string prefix = "data:text/csv;charset=utf-8;base64,";
        var href = new HtmlParser().ParseDocument(html).QuerySelector("a[download]")!.GetAttribute("href")!;
        Assert.StartsWith(prefix, href);
        var csv = Encoding.UTF8.GetString(Convert.FromBase64String(href[prefix.Length..]));
        Assert.Equal($"\uFEFF\"姓名\",\"工号\",\"邮箱\",\"初始密码\"\r\n\"'=HYPERLINK(\"\"x\"\")\",\"R7001\",\"reset@example.com\",\"{password}\"\r\n", csv);

        Assert.Equal(HttpStatusCode.OK, (await Factory.NewClient().LoginAsync("reset@example.com", AppFactory.TraineePassword)).StatusCode);
        var login = await Factory.NewClient().LoginAsync("reset@example.com", password);
        Assert.Equal("/account/change-password", login.Headers.Location?.OriginalString);
        Assert.Contains(await Factory.ScopedAsync(db => db.AuditEntries.Where(a => a.Target == "reset@example.com").Select(a => a.Action).ToListAsync()),
            a => a == "user.reset-password");
    }

    [Fact]
    public async Task An_admin_cannot_take_away_their_own_admin_role_and_nothing_changes()
    {
        var admin = await Admin();
        var me = Demo.Account(Roles.Admin);
        var self = await Factory.ScopedAsync(db => db.Users.Where(u => u.Email == me.Email).Select(u => new { u.Id, u.FullName, u.EmployeeNumber }).SingleAsync());
        var (id, name) = (self.Id, self.FullName);
        var response = await admin.PostFormAsync($"/admin/users/{id}/edit", $"/admin/users/{id}/edit",
            [F("FullName", name + "改"), F("EmployeeNumber", self.EmployeeNumber ?? "A0001"), F("Organization", "示例分公司"), F("Department", "信息部"),
             F("Email", me.Email), F("Roles", Roles.HR)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("不能移除自己的管理员角色", await response.Content.ReadAsStringAsync());
        Assert.Equal(name, await Factory.ScopedAsync(db => db.Users.Where(x => x.Id == id).Select(x => x.FullName).SingleAsync()));
        var roles = await Factory.ScopedAsync(db => db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync());
        Assert.Contains(Roles.Admin, roles);
    }

    [Fact]
    public async Task A_second_account_with_a_used_email_is_refused_and_nobody_is_created()
    {
        var admin = await Admin();
        var taken = Demo.Account(Roles.Examiner).Email;
        var before = await Factory.ScopedAsync(db => db.Users.CountAsync());
        var response = await admin.PostFormAsync("/admin/users/create", "/admin/users/create",
            [F("FullName", "周明"), F("EmployeeNumber", "N7002"), F("Organization", "示例分公司"), F("Department", "营业部"), F("Email", taken), F("Roles", Roles.Trainee)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"邮箱 {taken} 已被使用", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Factory.ScopedAsync(db => db.Users.CountAsync()));
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("deactivate")]
    [InlineData("activate")]
    [InlineData("reset-password")]
    public async Task An_unknown_user_is_not_found(string action)
    {
        var admin = await Admin();
        var response = action == "edit"
            ? await admin.GetAsync("/admin/users/no-such-user/edit")
            : await admin.PostFormAsync("/admin/users", $"/admin/users/no-such-user/{action}", []);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
