using System.Net;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Certificates;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Features.Certificates;

/// <summary>
/// Issue 11.3: a pass of an account that is not verified yet earns no certificate until HR verifies the account; the
/// trainee and HR see it held; verification issues it once; the safety net does not issue held passes.
/// </summary>
public sealed class HeldCertificateTests : IDisposable
{
    private readonly AppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<(HttpClient Client, string AttemptId, string UserId)> PassUnverifiedAsync(string email, string number)
    {
        var client = await _factory.NewTraineeClientAsync(email, u => { u.FullName = "宋九"; u.EmployeeNumber = number; u.IsVerified = false; });
        var (id, _, certificateId) = await _factory.APass(client);
        Assert.Null(certificateId);
        var userId = await _factory.ScopedAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (client, id, userId);
    }

    private Task<int> SafetyNetAsync() => _factory.Services.GetRequiredService<IssueMissingCertificates>().RunOnceAsync(CancellationToken.None);

    [Fact]
    public async Task A_pass_waits_for_verification_and_is_issued_once_when_hr_verifies_the_account()
    {
        var (trainee, attemptId, userId) = await PassUnverifiedAsync("held1@demo.local", "H9001");
        Assert.False(await _factory.ScopedAsync(db => db.Certificates.AnyAsync(c => c.AttemptId == attemptId)));

        // The trainee is told why there is no certificate, on the result page and under 我的证书.
        Assert.Contains("id=\"certificate-held\"", await trainee.GetStringAsync($"/exams/attempt/{attemptId}/result"));
        var mine = await trainee.GetStringAsync("/certificates");
        Assert.Contains("证书待身份确认后签发", mine);
        Assert.Contains($"data-attempt=\"{attemptId}\"", mine);

        // The safety net leaves held passes alone.
        await SafetyNetAsync();
        Assert.False(await _factory.ScopedAsync(db => db.Certificates.AnyAsync(c => c.AttemptId == attemptId)));

        // HR sees who, which paper, score and date.
        var hr = await _factory.SignedInClient(Demo.Account(Roles.HR).Email, Demo.Account(Roles.HR).Password);
        var page = await hr.GetStringAsync("/admin/verification");
        var row = page[page.IndexOf($"data-attempt=\"{attemptId}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("宋九", row);
        Assert.Contains("H9001", row);
        Assert.Contains("100", row);

        var confirm = await hr.PostFormAsync("/admin/verification", $"/admin/verification/{userId}/verify", []);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var cert = await _factory.ScopedAsync(db => db.Certificates.SingleAsync(c => c.AttemptId == attemptId));
        Assert.Equal(userId, cert.UserId);
        Assert.True(await _factory.ScopedAsync(db => db.CertificateFiles.AnyAsync(f => f.CertificateId == cert.Id)));
        Assert.DoesNotContain($"data-attempt=\"{attemptId}\"", await hr.GetStringAsync("/admin/verification"));
        var after = await trainee.GetStringAsync("/certificates");
        Assert.DoesNotContain("证书待身份确认后签发", after);
        Assert.Contains(cert.Number, after);

        // Idempotent: the handler again, the safety net and a second confirmation add nothing.
        using (var scope = _factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IssueHeldCertificates>()
                .OnVerifiedAsync(new Web.Features.Account.AccountVerified(userId, DateTimeOffset.UtcNow, null), CancellationToken.None);
        await SafetyNetAsync();
        await hr.PostFormAsync("/admin/verification", $"/admin/verification/{userId}/verify", []);
        Assert.Equal(1, await _factory.ScopedAsync(db => db.Certificates.CountAsync(c => c.UserId == userId)));
    }

    [Fact]
    public async Task A_verified_account_gets_its_certificate_at_once()
    {
        var client = await _factory.NewTraineeClientAsync("held2@demo.local", u => { u.FullName = "韩十"; u.EmployeeNumber = "H9002"; });
        var (id, _, certificateId) = await _factory.APass(client);
        Assert.NotNull(certificateId);
        Assert.DoesNotContain("id=\"certificate-held\"", await client.GetStringAsync($"/exams/attempt/{id}/result"));
    }
}
