using System.Net;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.IntegrationTests.Features.Certificates;

/// <summary>A new trainee passes the certification paper; returns the certificate's id and verification code.</summary>
public static class CertificateScenario
{
    public static async Task<(string Id, string Code)> IssueAsync(AppFactory factory, string email)
    {
        var trainee = await factory.NewTraineeClientAsync(email, u => u.FullName = "李晓梅");
        var start = await trainee.StartAsync(PaperSeeder.CertificationId);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var attemptId = (string)(await start.JsonAsync())["attemptId"]!;
        await factory.AnswerEverythingRightAsync(attemptId);
        var certificateId = (string)(await (await trainee.SubmitAsync(attemptId)).JsonAsync())["certificateId"]!;
        var code = await factory.ScopedAsync(db => db.Certificates.Where(c => c.Id == certificateId).Select(c => c.VerificationCode).SingleAsync());
        return (certificateId, code);
    }
}
