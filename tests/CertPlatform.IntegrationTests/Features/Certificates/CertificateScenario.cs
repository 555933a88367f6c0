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
        var certificate = await factory.ACertificate(await factory.NewTraineeClientAsync(email, u => u.FullName = "李晓梅"));
        return (certificate.Id, certificate.VerificationCode);
    }
}
