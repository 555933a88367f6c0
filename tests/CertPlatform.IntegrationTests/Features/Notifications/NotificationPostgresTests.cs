using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Features.Notifications;

/// <summary>
/// Two instances of the site on one PostgreSQL database and one SMTP server: scanning and sending at the same time,
/// each notification is queued once (unique dedupe key) and each message delivered once (claimed rows).
/// </summary>
public sealed class NotificationPostgresTests(PostgresDatabase pg) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Two_instances_queue_and_send_each_notification_exactly_once()
    {
        void OnPostgres(AppFactory f) => f.With("Database:Provider", "PostgreSQL").With("Database:ConnectionString", pg.ConnectionString);
        using var first = new NotificationTestApp(configure: OnPostgres);
        _ = first.Factory.Services; // migrate before the second instance starts
        using var second = new NotificationTestApp(smtp: first.Smtp, configure: OnPostgres);
        _ = second.Factory.Services;
        first.Smtp.Start();

        var trainee = await first.NewTraineeAsync("pg-notify@demo.local", "郑十一");
        var cert = await first.Factory.ACertificate(trainee);
        var userId = await first.UserIdAsync("pg-notify@demo.local");
        using (var scope = first.Factory.Services.CreateScope())
        {
            var enqueue = scope.ServiceProvider.GetRequiredService<EnqueueNotification>();
            var values = new Dictionary<string, string> { ["name"] = "n", ["paper"] = "并发" };
            for (var i = 0; i < 20; i++)
                await enqueue.RunAsync(new NotificationRequest(NotificationKind.ResultFinal, $"pg-test:{i}", NotificationTemplateName.ResultFinal,
                    new MailRecipient(userId, "pg-notify@demo.local", "n"), values), CancellationToken.None);
        }

        var queued = await Task.WhenAll(first.ScanAsync(), second.ScanAsync(), first.ScanAsync(), second.ScanAsync());
        Assert.Equal(1, queued.Sum()); // the certificate-issued mail, once
        var sent = await Task.WhenAll(first.DispatchAsync(), second.DispatchAsync(), first.DispatchAsync(), second.DispatchAsync());
        Assert.Equal(22, sent.Sum()); // 20 + result final + certificate issued
        Assert.Equal(22, first.Smtp.Received.Count);
        Assert.Equal(22, first.Smtp.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.Single(first.Smtp.WithSubject(cert.Number));
        Assert.All(await second.OutboxAsync(), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }
}
