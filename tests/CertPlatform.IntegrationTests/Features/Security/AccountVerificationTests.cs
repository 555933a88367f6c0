using System.Collections.Concurrent;
using System.Net;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Security;

/// <summary>Issue 11, item 3 (account side): self-registered accounts are unverified until HR or an administrator confirms them.</summary>
public sealed class AccountVerificationTests : IDisposable
{
    private readonly RecordingHandler _handler = new();
    private readonly AppFactory _factory;

    public AccountVerificationTests() =>
        _factory = new AppFactory().WithServices(s => s.AddSingleton<IAccountVerifiedHandler>(_handler));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Hr_confirms_a_self_registered_account_which_is_audited_and_raises_the_event()
    {
        var registered = await _factory.NewClient().PostFormAsync("/account/register", "/account/register",
        [
            F("FullName", "冯七"), F("EmployeeNumber", "R7001"), F("Organization", "测试分公司"),
            F("Email", "feng7@example.com"), F("Password", "Lianxi-2026x"), F("ConfirmPassword", "Lianxi-2026x"),
        ]);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var user = await _factory.ScopedAsync(db => db.Users.SingleAsync(u => u.EmployeeNumber == "R7001"));
        Assert.False(user.IsVerified);
        // Accounts made by an administrator (the demo accounts here) are verified from the start.
        Assert.True(await _factory.ScopedAsync(db => db.Users.Where(u => u.Email == Demo.Account(Roles.Trainee).Email).Select(u => u.IsVerified).SingleAsync()));

        var hr = await _factory.AUser(Roles.HR);
        var list = await hr.GetStringAsync("/admin/verification");
        Assert.Contains($"data-user=\"{user.Id}\"", list);
        Assert.DoesNotContain(Demo.Account(Roles.Trainee).Email, list);

        var confirm = await hr.PostFormAsync("/admin/verification", $"/admin/verification/{user.Id}/verify", []);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var after = await _factory.ScopedAsync(db => db.Users.SingleAsync(u => u.Id == user.Id));
        Assert.True(after.IsVerified);
        Assert.NotNull(after.VerifiedAt);
        var hrId = await _factory.ScopedAsync(db => db.Users.Where(u => u.Email == Demo.Account(Roles.HR).Email).Select(u => u.Id).SingleAsync());
        Assert.Equal(hrId, after.VerifiedById);
        Assert.True(await _factory.ScopedAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "user.verify" && a.Target == "feng7@example.com" && a.ActorId == hrId)));
        var raised = Assert.Single(_handler.Raised);
        Assert.Equal((user.Id, hrId), (raised.UserId, raised.VerifiedById));
        Assert.DoesNotContain($"data-user=\"{user.Id}\"", await hr.GetStringAsync("/admin/verification"));

        // Confirming again changes nothing and raises nothing.
        await hr.PostFormAsync("/admin/verification", $"/admin/verification/{user.Id}/verify", []);
        Assert.Single(_handler.Raised);
        Assert.Equal(1, await _factory.ScopedAsync(db => db.AuditEntries.CountAsync(a => a.Action == "user.verify")));
    }

    [Fact]
    public async Task A_trainee_cannot_confirm_accounts()
    {
        var trainee = await _factory.AUser(Roles.Trainee);
        var id = await _factory.ScopedAsync(db => db.Users.Where(u => u.Email == Demo.Account(Roles.Trainee).Email).Select(u => u.Id).SingleAsync());
        var response = await trainee.PostFormAsync("/", $"/admin/verification/{id}/verify", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString());
        Assert.Empty(_handler.Raised);
    }

    private sealed class RecordingHandler : IAccountVerifiedHandler
    {
        public ConcurrentQueue<AccountVerified> Raised { get; } = new();

        public Task OnVerifiedAsync(AccountVerified verified, CancellationToken ct)
        {
            Raised.Enqueue(verified);
            return Task.CompletedTask;
        }
    }
}
