using System.Net;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Account;

public sealed class AccountTests(SharedApp app) : IClassFixture<SharedApp>
{
    private AppFactory Factory => app.Factory;

    [Theory]
    [InlineData(Roles.Trainee)]
    [InlineData(Roles.Examiner)]
    [InlineData(Roles.HR)]
    [InlineData(Roles.Admin)]
    public async Task Each_demo_role_can_sign_in_and_sees_its_name(string role)
    {
        var demo = Demo.Account(role);
        var client = Factory.NewClient();
        var login = await client.LoginAsync(demo.Email, demo.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        var home = await client.GetStringAsync("/");
        Assert.Contains(demo.FullName, home);
        Assert.Contains("/account/logout", home);
    }

    [Fact]
    public async Task Wrong_password_is_rejected_without_saying_which_part_was_wrong()
    {
        var client = Factory.NewClient();
        var response = await client.LoginAsync(Demo.Account(Roles.Trainee).Email, "not-the-password1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("邮箱或密码不正确", await response.Content.ReadAsStringAsync());
        var unknown = await client.LoginAsync("nobody@demo.local", "whatever1");
        Assert.Contains("邮箱或密码不正确", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Repeated_failed_logins_lock_the_account_even_for_the_right_password()
    {
        using var factory = new AppFactory();
        var demo = Demo.Account(Roles.Trainee);
        var client = factory.NewClient();
        for (var i = 0; i < 5; i++) await client.LoginAsync(demo.Email, "wrong-password-" + i);
        var response = await client.LoginAsync(demo.Email, demo.Password);
        // Locked, but the answer is the same as for a wrong password (it must not reveal that the account exists).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("邮箱或密码不正确", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Posting_a_form_without_the_antiforgery_token_is_rejected()
    {
        var client = await Factory.AUser(Roles.Trainee);
        var response = await client.PostAsync("/lessons/p1-customer-value/learned", new FormUrlEncodedContent([F("learned", "true")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
    }

    [Fact]
    public async Task Self_registration_creates_a_trainee_with_the_hr_profile()
    {
        var client = Factory.NewClient();
        var response = await client.PostFormAsync("/account/register", "/account/register",
        [
            F("FullName", "赵小明"), F("EmployeeNumber", "R2001"), F("Organization", "测试分公司"), F("Department", "政企部"),
            F("Email", "zhaoxm@example.com"), F("Password", "study-2026"), F("ConfirmPassword", "study-2026"),
        ]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("注册申请已提交", await response.Content.ReadAsStringAsync());
        var user = await Factory.ScopedAsync(db => db.Users.SingleAsync(u => u.EmployeeNumber == "R2001"));
        Assert.Equal("赵小明", user.FullName);
        Assert.Equal("测试分公司", user.Organization);
        var isTrainee = await Factory.ScopedAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Trainee)));
        Assert.True(isTrainee);
    }

    [Fact]
    public async Task Registration_errors_are_shown_next_to_the_fields_and_create_nothing()
    {
        var client = Factory.NewClient();
        var response = await client.PostFormAsync("/account/register", "/account/register",
        [
            F("FullName", ""), F("EmployeeNumber", "bad number!"), F("Organization", "测试分公司"),
            F("Email", "not-an-email"), F("Password", "study-2026"), F("ConfirmPassword", "different-1"),
        ]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("请填写姓名"), html[html.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Contains("工号只能包含字母", html);
        Assert.Contains("邮箱格式不正确", html);
        Assert.Contains("两次输入的密码不一致", html);
        Assert.False(await Factory.ScopedAsync(db => db.Users.AnyAsync(u => u.Email == "not-an-email")));
    }

    [Fact]
    public async Task Registration_can_be_switched_off_in_configuration()
    {
        using var factory = new AppFactory().With("Accounts:SelfRegistration", "false");
        var client = factory.NewClient();
        Assert.Contains("未开放自助注册", await client.GetStringAsync("/account/register"));
        var token = await client.AntiforgeryTokenAsync("/account/login");
        var post = await client.PostAsync("/account/register", new FormUrlEncodedContent(
        [
            F("__RequestVerificationToken", token), F("FullName", "钱一"), F("EmployeeNumber", "R3001"), F("Organization", "x"),
            F("Email", "qian@example.com"), F("Password", "study-2026"), F("ConfirmPassword", "study-2026"),
        ]));
        Assert.Contains("未开放自助注册", await post.Content.ReadAsStringAsync());
        Assert.False(await factory.ScopedAsync(db => db.Users.AnyAsync(u => u.Email == "qian@example.com")));
    }

    [Fact]
    public async Task The_ui_switches_to_english_and_back()
    {
        var client = Factory.NewClient();
        Assert.Contains("登录", await client.GetStringAsync("/account/login"));
        var set = await client.GetAsync("/language/en?returnUrl=%2Faccount%2Flogin");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/account/login", set.Headers.Location?.OriginalString);
        var english = await client.GetStringAsync("/account/login");
        Assert.Contains("Sign in", english);
        Assert.Contains("lang=\"en\"", english);
        await client.GetAsync("/language/zh-CN");
        Assert.Contains("lang=\"zh-CN\"", await client.GetStringAsync("/account/login"));
    }

    [Fact]
    public async Task Language_switch_refuses_to_redirect_off_site()
    {
        var client = Factory.NewClient();
        var set = await client.GetAsync("/language/en?returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", set.Headers.Location?.OriginalString);
    }
}
