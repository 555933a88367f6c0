using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Admin;

public sealed partial class AdminTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;
    private Task<HttpClient> Admin() => Factory.AUser(Roles.Admin);

    public static TheoryData<string> AdminPages => ["/admin/users", "/admin/users/create", "/admin/users/import", "/admin/audit"];

    [Theory]
    [InlineData("/admin/users", "/admin/users?role=HR&status=inactive", "#users-filter-panel", "状态：已停用")]
    [InlineData("/admin/audit", "/admin/audit?action=certificate.", "#audit-filter-panel", "操作：certificate.")]
    public async Task The_filter_form_is_folded_until_a_filter_is_set_and_its_summary_names_the_filter(string page, string filtered, string panel, string named)
    {
        var admin = await Admin();
        var parser = new HtmlParser();
        var plain = parser.ParseDocument(await admin.GetStringAsync(page)).QuerySelector($"details{panel}")!;
        Assert.False(plain.HasAttribute("open"));
        Assert.Contains("未设条件", plain.QuerySelector("summary")!.TextContent);
        Assert.NotNull(plain.QuerySelector("form.filters"));
        var set = parser.ParseDocument(await admin.GetStringAsync(filtered)).QuerySelector($"details{panel}")!;
        Assert.True(set.HasAttribute("open"));
        Assert.Contains(named, Regex.Replace(set.QuerySelector("summary .filter-active")!.TextContent, @"\s+", ""));
        Assert.Equal(page, set.QuerySelector("form.filters > a")!.GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Anonymous_visitors_are_sent_to_login(string path)
    {
        var response = await Factory.NewClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/login", response.Headers.Location!.ToString());
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Only_admins_reach_admin_pages(string path)
    {
        foreach (var role in new[] { Roles.Trainee, Roles.Examiner, Roles.HR })
        {
            var client = await Factory.AUser(role);
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("https://localhost/account/access-denied", response.Headers.Location!.ToString());
            var denied = await client.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        var admin = await Admin();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Admin_post_actions_are_refused_to_other_roles()
    {
        var trainee = await Factory.AUser(Roles.Trainee);
        var hr = await Factory.ScopedAsync(db => db.Users.SingleAsync(u => u.Email == Demo.Account(Roles.HR).Email));
        var response = await trainee.PostFormAsync("/lessons", $"/admin/users/{hr.Id}/deactivate", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location!.ToString());
        Assert.True(await Factory.ScopedAsync(db => db.Users.Where(u => u.Id == hr.Id).Select(u => u.IsActive).SingleAsync()));
    }

    [GeneratedRegex("<code class=\"password\">([^<]+)</code>")]
    private static partial Regex PasswordCell();

    [Fact]
    public async Task A_created_user_must_change_the_initial_password_before_doing_anything_else()
    {
        var admin = await Admin();
        var created = await admin.PostFormAsync("/admin/users/create", "/admin/users/create",
        [
            F("FullName", "孙红"), F("EmployeeNumber", "N5001"), F("Organization", "示例分公司"), F("Department", "营业部"),
            F("Email", "sunhong@example.com"), F("Roles", Roles.Trainee),
        ]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore, "initial passwords must not be cached");
        var password = PasswordCell().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$", password);

        var user = Factory.NewClient();
        var login = await user.LoginAsync("sunhong@example.com", password);
        Assert.Equal("/account/change-password", login.Headers.Location?.OriginalString);
        var blocked = await user.GetAsync("/lessons");
        Assert.Equal("/account/change-password", blocked.Headers.Location?.OriginalString);

        var changed = await user.PostFormAsync("/account/change-password", "/account/change-password",
            [F("CurrentPassword", password), F("NewPassword", "my-own-2026"), F("ConfirmPassword", "my-own-2026")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/lessons")).StatusCode);
        Assert.False(await Factory.ScopedAsync(db => db.Users.Where(u => u.Email == "sunhong@example.com").Select(u => u.MustChangePassword).SingleAsync()));
        Assert.Contains(await Factory.ScopedAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "user.create");
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        using var factory = new AppFactory();
        var admin = await factory.AUser(Roles.Admin);
        var examiner = Demo.Account(Roles.Examiner);
        var id = await factory.ScopedAsync(db => db.Users.Where(u => u.Email == examiner.Email).Select(u => u.Id).SingleAsync());
        var response = await admin.PostFormAsync("/admin/users", $"/admin/users/{id}/deactivate", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var login = await factory.NewClient().LoginAsync(examiner.Email, examiner.Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        // The same answer as a wrong password: sign-in must not reveal which accounts exist.
        Assert.Contains("邮箱或密码不正确", await login.Content.ReadAsStringAsync());

        await admin.PostFormAsync("/admin/users", $"/admin/users/{id}/activate", []);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.NewClient().LoginAsync(examiner.Email, examiner.Password)).StatusCode);
    }

    [Fact]
    public async Task Admins_cannot_deactivate_themselves()
    {
        var admin = await Admin();
        var id = await Factory.ScopedAsync(db => db.Users.Where(u => u.Email == Demo.Account(Roles.Admin).Email).Select(u => u.Id).SingleAsync());
        await admin.PostFormAsync("/admin/users", $"/admin/users/{id}/deactivate", []);
        Assert.True(await Factory.ScopedAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Editing_a_user_changes_profile_and_roles_and_validates_fields()
    {
        var admin = await Admin();
        var hr = Demo.Account(Roles.HR);
        var id = await Factory.ScopedAsync(db => db.Users.Where(u => u.Email == hr.Email).Select(u => u.Id).SingleAsync());
        var invalid = await admin.PostFormAsync($"/admin/users/{id}/edit", $"/admin/users/{id}/edit",
            [F("FullName", "张丽"), F("EmployeeNumber", "D0001"), F("Organization", "示例分公司"), F("Email", hr.Email), F("Roles", Roles.HR)]);
        Assert.Contains("工号 D0001 已被其他账号使用", await invalid.Content.ReadAsStringAsync());

        var ok = await admin.PostFormAsync($"/admin/users/{id}/edit", $"/admin/users/{id}/edit",
            [F("FullName", "张丽"), F("EmployeeNumber", "D0003"), F("Organization", "示例分公司"), F("Department", "人力资源部（总部）"),
             F("Email", hr.Email), F("Roles", Roles.HR), F("Roles", Roles.Examiner)]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var roles = await Factory.ScopedAsync(db => db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).OrderBy(n => n).ToListAsync());
        Assert.Equal([Roles.Examiner, Roles.HR], roles);
        Assert.Equal("人力资源部（总部）", await Factory.ScopedAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.Department).SingleAsync()));
    }

    [Fact]
    public async Task Import_with_a_bad_row_shows_the_line_and_creates_nobody()
    {
        var admin = await Admin();
        var csv = "姓名,工号,单位/部门,角色,邮箱\n周一,M1001,示例分公司/营业部,学员,zhou1@example.com\n吴二,M1002,示例分公司/营业部,校长,wu2@example.com\n";
        var response = await Upload.EmployeeFile(admin, "staff.csv", Encoding.UTF8.GetBytes(csv));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("角色“校长”无效", html);
        Assert.Null(Upload.EmployeeCommitUrl(html));
        Assert.False(await Factory.ScopedAsync(db => db.Users.AnyAsync(u => u.EmployeeNumber == "M1001")));
    }

    [Fact]
    public async Task Import_previews_then_creates_every_account_in_one_commit()
    {
        var admin = await Admin();
        var csv = "姓名,工号,单位,部门,角色,邮箱\n郑三,M2001,示例分公司,营业部,学员,zheng3@example.com\n王四,M2002,示例分公司,培训中心,考官；学员,wang4@example.com\n";
        var preview = await Upload.EmployeeFile(admin, "staff.csv", Encoding.UTF8.GetBytes(csv));
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("全部检查通过", html);
        Assert.False(await Factory.ScopedAsync(db => db.Users.AnyAsync(u => u.EmployeeNumber == "M2001")), "preview must not create accounts");

        var action = Upload.EmployeeCommitUrl(html)!;
        var commit = await admin.PostFormAsync("/admin/users/import", action, []);
        var result = await commit.Content.ReadAsStringAsync();
        Assert.Equal(2, PasswordCell().Matches(result).Count);

        var users = await Factory.ScopedAsync(db => db.Users.Where(u => u.EmployeeNumber == "M2001" || u.EmployeeNumber == "M2002").OrderBy(u => u.EmployeeNumber).ToListAsync());
        Assert.Equal(["郑三", "王四"], users.Select(u => u.FullName));
        Assert.All(users, u => Assert.True(u.MustChangePassword));
        var wangRoles = await Factory.ScopedAsync(db => db.UserRoles.Where(ur => ur.UserId == users[1].Id).CountAsync());
        Assert.Equal(2, wangRoles);

        // The same preview cannot be committed twice.
        var again = await admin.PostFormAsync("/admin/users/import", action, []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(2, await Factory.ScopedAsync(db => db.Users.CountAsync(u => u.EmployeeNumber == "M2001" || u.EmployeeNumber == "M2002")));

        // Re-uploading the same people is refused row by row.
        var duplicate = await Upload.EmployeeFile(admin, "staff.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Contains("工号“M2001”已存在于系统中", await duplicate.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Import_rechecks_rows_at_commit_time_and_commits_nothing_if_one_became_invalid()
    {
        var admin = await Admin();
        var csv = "姓名,工号,单位,角色,邮箱\n冯五,M3001,示例分公司,学员,feng5@example.com\n陈六,M3002,示例分公司,学员,chen6@example.com\n";
        var html = await (await Upload.EmployeeFile(admin, "staff.csv", Encoding.UTF8.GetBytes(csv))).Content.ReadAsStringAsync();
        var action = Upload.EmployeeCommitUrl(html)!;
        // Meanwhile an administrator creates an account with one of the employee numbers. (A self-registered, unverified
        // account with that number would not block the import: the row verifies it or is listed for HR, see EmployeeMatchingTests.)
        await Factory.CreateTraineeAsync("chen6-admin@example.com", u => { u.FullName = "陈六"; u.EmployeeNumber = "M3002"; });
        var commit = await admin.PostFormAsync("/admin/users/import", action, []);
        Assert.Contains("工号“M3002”已存在于系统中", await commit.Content.ReadAsStringAsync());
        Assert.False(await Factory.ScopedAsync(db => db.Users.AnyAsync(u => u.EmployeeNumber == "M3001")));
    }

    [Fact]
    public async Task Content_report_lists_every_part_and_flags_no_topic()
    {
        var admin = await Admin();
        var html = await admin.GetStringAsync("/admin/content");
        Assert.Contains("第一部分 服务营销知识与能力", html);
        Assert.Contains("0 个缺少课程，0 个可用试题少于 5 道", html);
        var doc = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Empty(doc.QuerySelectorAll("#topics-table tr.row-error"));
        // Both pools per topic and the certification feasibility from the secure pool (whether the shipped bank passes
        // is the unit test ContentReportPoolTests.Shipped_bank_secure_pool_allows_two_certification_attempts_without_repeats).
        Assert.Equal(5, doc.QuerySelectorAll("#topics-table thead th").Length);
        Assert.NotNull(doc.GetElementById("certification-feasibility"));
        Assert.Equal(PaperSeeder.CertificationBlueprint.Count, doc.QuerySelectorAll("#certification-pool-table tbody tr").Length);
    }

    // The user-account use cases behind /admin/users (SaveUser, SetUserActive, ResetUserPassword) as an administrator meets them.

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
