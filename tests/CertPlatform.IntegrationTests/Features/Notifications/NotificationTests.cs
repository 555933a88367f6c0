using System.Net;
using AngleSharp.Html.Parser;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Certificates;
using CertPlatform.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CertPlatform.IntegrationTests.Features.Notifications;

/// <summary>
/// E-mail notifications end to end: the real app on SQLite, a fake clock, and a real SMTP server on loopback that is
/// stopped and started to play an outage. The scanner and dispatcher are driven directly (their loops are off) so each
/// step is deterministic; <see cref="The_background_loops_send_on_their_own_when_the_clock_moves"/> runs the loops.
/// </summary>
public sealed class NotificationTests : IDisposable
{
    private readonly NotificationTestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Passing_mails_the_final_result_and_the_certificate_with_its_pdf_attached_once()
    {
        _app.Smtp.Start();
        var trainee = await _app.NewTraineeAsync("n-pass@demo.local", "欧阳明月");
        var cert = await _app.Factory.ACertificate(trainee);

        Assert.Equal(1, await _app.ScanAsync());
        Assert.Equal(0, await _app.ScanAsync());
        Assert.Equal(2, await _app.DispatchAsync());

        var result = Assert.Single(_app.Smtp.WithSubject("考试结果"));
        Assert.Equal("n-pass@demo.local", result.To.Mailboxes.Single().Address);
        Assert.Contains("通过", result.Subject);
        Assert.Contains("欧阳明月", result.TextBody);
        Assert.Contains("/exams/attempt/", result.HtmlBody);

        var issued = Assert.Single(_app.Smtp.WithSubject("证书已颁发"));
        Assert.Contains(cert.Number, issued.Subject);
        Assert.Equal("certs@example.test", issued.From.Mailboxes.Single().Address);
        Assert.Contains("https://certs.example.test/verify/" + cert.VerificationCode, issued.TextBody);
        Assert.Contains("2029-11-29", issued.TextBody); // the last valid day in China time, as printed on the certificate
        var pdf = Assert.IsType<MimePart>(Assert.Single(issued.Attachments));
        Assert.Equal("application/pdf", pdf.ContentType.MimeType);
        Assert.Equal($"certificate-{cert.Number}.pdf", pdf.FileName);
        using var bytes = new MemoryStream();
        await pdf.Content!.DecodeToAsync(bytes);
        var stored = await _app.Factory.ScopedAsync(db => db.CertificateFiles.Where(f => f.CertificateId == cert.Id).Select(f => f.Bytes).SingleAsync());
        Assert.Equal(stored, bytes.ToArray());

        // Nothing is sent twice: later scans and dispatches add nothing.
        _app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await _app.ScanAsync());
        Assert.Equal(0, await _app.DispatchAsync());
        Assert.Equal(2, _app.Smtp.Received.Count);
        Assert.All(await _app.OutboxAsync(), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task Revoking_a_certificate_mails_the_holder_with_the_reason()
    {
        _app.Smtp.Start();
        var trainee = await _app.NewTraineeAsync("n-revoke@demo.local", "李四");
        var cert = await _app.Factory.ACertificate(trainee);
        using (var scope = _app.Factory.Services.CreateScope())
        {
            var hr = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new(System.Security.Claims.ClaimTypes.Name, "hr@demo.local")], "test"));
            Assert.Equal(RevokeCertificateOutcome.Revoked, await scope.ServiceProvider.GetRequiredService<RevokeCertificate>().RunAsync(cert.Id, "考试违纪", hr, CancellationToken.None));
        }
        await _app.ScanAsync();
        await _app.DispatchAsync();
        var revoked = Assert.Single(_app.Smtp.WithSubject("证书已撤销"));
        Assert.Equal("n-revoke@demo.local", revoked.To.Mailboxes.Single().Address);
        Assert.Contains(cert.Number, revoked.Subject);
        Assert.Contains("考试违纪", revoked.TextBody);
        Assert.Contains("2026-11-30", revoked.TextBody);
        Assert.Equal(0, await _app.ScanAsync());
    }

    [Fact]
    public async Task Expiry_reminders_go_once_per_threshold_to_the_holder_and_every_hr_user()
    {
        _app.Smtp.Start();
        var trainee = await _app.NewTraineeAsync("n-expiry@demo.local", "王五");
        var cert = await _app.Factory.ACertificate(trainee);
        await _app.ScanAsync();
        await _app.DispatchAsync();
        var hr = await _app.HrAsync();
        Assert.NotEmpty(hr);
        var holderId = await _app.UserIdAsync("n-expiry@demo.local");
        var recipients = hr.Select(h => h.UserId).Append(holderId).ToList();

        _app.Clock.SetUtcNow(cert.ExpiresAt - TimeSpan.FromDays(61));
        Assert.Equal(0, await _app.ScanAsync());

        _app.Clock.SetUtcNow(cert.ExpiresAt - TimeSpan.FromDays(60) + TimeSpan.FromHours(1));
        Assert.Equal(recipients.Count, await _app.ScanAsync());
        Assert.Equal(0, await _app.ScanAsync());
        _app.Clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(0, await _app.ScanAsync());
        Assert.Equal(recipients.Count, await _app.DispatchAsync());

        _app.Clock.SetUtcNow(cert.ExpiresAt - TimeSpan.FromDays(30) + TimeSpan.FromHours(1));
        Assert.Equal(recipients.Count, await _app.ScanAsync());
        _app.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await _app.ScanAsync());
        Assert.Equal(recipients.Count, await _app.DispatchAsync());
        _app.Clock.Advance(TimeSpan.FromDays(2)); // expired: no more reminders
        Assert.Equal(0, await _app.ScanAsync());

        var outbox = await _app.OutboxAsync();
        foreach (var kind in new[] { NotificationKind.CertificateExpiring60, NotificationKind.CertificateExpiring30 })
            Assert.Equal(recipients.Order(), outbox.Where(m => m.Kind == kind).Select(m => m.UserId!).Order());
        var holderMails = _app.Smtp.Received.Where(m => m.To.Mailboxes.Single().Address == "n-expiry@demo.local" && (m.Subject ?? "").Contains("到期")).ToList();
        Assert.Equal(2, holderMails.Count);
        Assert.Contains(holderMails, m => (m.Subject ?? "").Contains("60 天"));
        Assert.Contains(holderMails, m => (m.Subject ?? "").Contains("30 天"));
        foreach (var person in hr)
        {
            var mails = _app.Smtp.Received.Where(m => m.To.Mailboxes.Single().Address == person.Email).ToList();
            Assert.Equal(2, mails.Count);
            Assert.All(mails, m => Assert.Contains("王五", m.Subject));
            Assert.All(mails, m => Assert.Contains(cert.EmployeeNumber, m.TextBody));
        }
    }

    [Fact]
    public async Task A_message_survives_an_smtp_outage_with_back_off_and_is_delivered_once_when_the_server_returns()
    {
        // The mail server is down: nobody listens on its port.
        var trainee = await _app.NewTraineeAsync("n-outage@demo.local", "赵六");
        await _app.Factory.ACertificate(trainee);
        var key = (await _app.OutboxAsync()).Single(m => m.Kind == NotificationKind.ResultFinal).DedupeKey;

        var t0 = _app.Clock.GetUtcNow();
        Assert.Equal(0, await _app.DispatchAsync());
        var m = await _app.MessageAsync(key);
        Assert.Equal(OutboxStatus.Pending, m.Status);
        Assert.Equal(1, m.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(m.LastError));
        Assert.Equal(t0 + TimeSpan.FromMinutes(1), m.NextAttemptAt);

        Assert.Equal(0, await _app.DispatchAsync()); // not due yet: no attempt
        Assert.Equal(1, (await _app.MessageAsync(key)).Attempts);

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await _app.DispatchAsync());
        m = await _app.MessageAsync(key);
        Assert.Equal(2, m.Attempts);
        Assert.Equal(_app.Clock.GetUtcNow() + TimeSpan.FromMinutes(2), m.NextAttemptAt);

        _app.Smtp.Start();
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await _app.DispatchAsync()); // back-off not over
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _app.DispatchAsync());
        m = await _app.MessageAsync(key);
        Assert.Equal(OutboxStatus.Sent, m.Status);
        Assert.Equal(3, m.Attempts);
        Assert.Equal(_app.Clock.GetUtcNow(), m.SentAt);
        Assert.Null(m.LastError);

        _app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await _app.DispatchAsync());
        Assert.Single(_app.Smtp.WithSubject("考试结果"));
    }

    [Fact]
    public async Task Two_dispatchers_at_once_send_every_message_exactly_once()
    {
        _app.Smtp.Start();
        await _app.Factory.CreateTraineeAsync("n-many@demo.local");
        var userId = await _app.UserIdAsync("n-many@demo.local");
        using (var scope = _app.Factory.Services.CreateScope())
        {
            var enqueue = scope.ServiceProvider.GetRequiredService<EnqueueNotification>();
            var values = new Dictionary<string, string> { ["name"] = "n", ["paper"] = "并发", ["verdict"] = "通过", ["verdictEn"] = "passed" };
            for (var i = 0; i < 24; i++)
                Assert.Equal(EnqueueNotificationOutcome.Enqueued, await enqueue.RunAsync(new NotificationRequest(NotificationKind.ResultFinal, $"test:{i}",
                    NotificationTemplateName.ResultFinal, new MailRecipient(userId, "n-many@demo.local", "n"), values), CancellationToken.None));
            // The same key again is not queued twice.
            Assert.Equal(EnqueueNotificationOutcome.AlreadyEnqueued, await enqueue.RunAsync(new NotificationRequest(NotificationKind.ResultFinal, "test:0",
                NotificationTemplateName.ResultFinal, new MailRecipient(userId, "n-many@demo.local", "n"), values), CancellationToken.None));
        }
        var other = new OutboxDispatcher(_app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), _app.Factory.Services.GetRequiredService<SmtpMailSender>(),
            _app.Clock, _app.Factory.Services.GetRequiredService<IOptions<NotificationOptions>>(), _app.Factory.Services.GetRequiredService<ILogger<OutboxDispatcher>>());
        var sent = await Task.WhenAll(_app.DispatchAsync(), other.DispatchDueAsync(CancellationToken.None), _app.DispatchAsync());
        Assert.Equal(24, sent.Sum());
        Assert.Equal(24, _app.Smtp.Received.Count);
        Assert.Equal(24, _app.Smtp.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.All(await _app.OutboxAsync(), m => Assert.Equal(1, m.Attempts));
    }

    [Fact]
    public async Task Opting_out_stops_exam_announcements_and_reminders_but_not_results_or_certificates()
    {
        _app.Smtp.Start();
        var quiet = await _app.NewTraineeAsync("n-quiet@demo.local", "钱七");
        await _app.NewTraineeAsync("n-loud@demo.local", "孙八");
        var page = await quiet.GetStringAsync("/notifications/preferences");
        Assert.DoesNotContain("checked", (await new HtmlParser().ParseDocumentAsync(page)).GetElementById("optOut")!.OuterHtml);
        var saved = await quiet.PostFormAsync("/notifications/preferences", "/notifications/preferences", [HttpClientForms.F("optOut", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await new HtmlParser().ParseDocumentAsync(await quiet.GetStringAsync(saved.Headers.Location!.ToString()));
        Assert.True(after.GetElementById("optOut")!.HasAttribute("checked"));
        Assert.NotNull(after.GetElementById("saved"));

        var quietId = await _app.UserIdAsync("n-quiet@demo.local");
        var loudId = await _app.UserIdAsync("n-loud@demo.local");
        await _app.Factory.ScopedAsync(async db =>
        {
            var now = _app.Clock.GetUtcNow();
            db.Papers.Add(new Paper { Id = "notify-assigned", Title = "指派考试", Kind = PaperKind.Mock, Status = PaperStatus.Published, Audience = "assigned",
                TimeLimitMinutes = 30, PassMark = 60, CreatedAt = now, UpdatedAt = now, OpensAt = now + TimeSpan.FromDays(1) });
            db.PaperAssignments.AddRange(new PaperAssignment { PaperId = "notify-assigned", Kind = "user", Value = quietId },
                new PaperAssignment { PaperId = "notify-assigned", Kind = "user", Value = loudId });
            return await db.SaveChangesAsync();
        });
        var cert = await _app.Factory.ACertificate(quiet);
        await _app.ScanAsync();
        var keys = (await _app.OutboxAsync()).Select(m => m.DedupeKey).ToList();
        Assert.Contains($"{NotificationKind.ExamAssigned}:notify-assigned:{loudId}", keys);
        Assert.DoesNotContain($"{NotificationKind.ExamAssigned}:notify-assigned:{quietId}", keys);
        Assert.Contains($"{NotificationKind.CertificateIssued}:{cert.Id}:{quietId}", keys);
        Assert.Contains(keys, k => k.StartsWith($"{NotificationKind.ResultFinal}:{cert.AttemptId}:"));

        // The window opens a day later: announced to the trainee who still wants mail only.
        _app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await _app.ScanAsync();
        keys = (await _app.OutboxAsync()).Select(m => m.DedupeKey).ToList();
        Assert.Contains($"{NotificationKind.ExamWindowOpening}:notify-assigned:{loudId}", keys);
        Assert.DoesNotContain($"{NotificationKind.ExamWindowOpening}:notify-assigned:{quietId}", keys);

        _app.Clock.SetUtcNow(cert.ExpiresAt - TimeSpan.FromDays(59));
        await _app.ScanAsync();
        var reminders = (await _app.OutboxAsync()).Where(m => m.Kind == NotificationKind.CertificateExpiring60).Select(m => m.UserId).ToList();
        Assert.DoesNotContain(quietId, reminders);
        Assert.Equal((await _app.HrAsync()).Select(h => h.UserId).Order(), reminders.Order()!);

        await _app.DispatchAsync();
        var quietMail = _app.Smtp.Received.Where(m => m.To.Mailboxes.Single().Address == "n-quiet@demo.local").Select(m => m.Subject).ToList();
        Assert.Equal(2, quietMail.Count);
        Assert.Contains(quietMail, s => (s ?? "").Contains("考试结果"));
        Assert.Contains(quietMail, s => (s ?? "").Contains("证书已颁发"));
    }

    [Fact]
    public async Task Failed_messages_are_listed_for_admins_and_retry_now_sends_them()
    {
        var trainee = await _app.NewTraineeAsync("n-failed@demo.local", "周九");
        await _app.Factory.ACertificate(trainee);
        var key = (await _app.OutboxAsync()).Single(m => m.Kind == NotificationKind.ResultFinal).DedupeKey;
        for (var i = 0; i < NotificationTestApp.MaxAttempts; i++)
        {
            await _app.DispatchAsync();
            _app.Clock.Advance(TimeSpan.FromHours(1));
        }
        var failed = await _app.MessageAsync(key);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(NotificationTestApp.MaxAttempts, failed.Attempts);
        Assert.Equal(0, await _app.DispatchAsync()); // given up: no more attempts

        Assert.NotEqual(HttpStatusCode.OK, (await trainee.GetAsync("/admin/outbox")).StatusCode);
        var admin = await _app.Factory.AUser(Roles.Admin);
        var doc = await new HtmlParser().ParseDocumentAsync(await admin.GetStringAsync("/admin/outbox?status=Failed"));
        var row = Assert.Single(doc.QuerySelectorAll("#outbox tbody tr"));
        Assert.Equal(failed.Id.ToString(), row.GetAttribute("data-id"));
        Assert.Equal(failed.LastError, row.QuerySelector(".last-error")!.TextContent);
        Assert.Contains("n-failed@demo.local", row.TextContent);
        Assert.Empty((await new HtmlParser().ParseDocumentAsync(await admin.GetStringAsync("/admin/outbox?status=Sent"))).QuerySelectorAll("#outbox tbody tr"));

        _app.Smtp.Start();
        var retry = await admin.PostFormAsync("/admin/outbox?status=Failed", $"/admin/outbox/{failed.Id}/retry", [HttpClientForms.F("status", "Failed")]);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var pending = await _app.MessageAsync(key);
        Assert.Equal(OutboxStatus.Pending, pending.Status);
        Assert.Equal(0, pending.Attempts);
        Assert.Equal(1, await _app.DispatchAsync());
        Assert.Single(_app.Smtp.WithSubject("考试结果"));
        var again = await admin.PostFormAsync("/admin/outbox", $"/admin/outbox/{failed.Id}/retry", []);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/outbox", "/admin/outbox/999999/retry", [])).StatusCode);
    }

    [Fact]
    public async Task The_background_loops_send_on_their_own_when_the_clock_moves()
    {
        using var app = new NotificationTestApp(backgroundLoops: true);
        app.Smtp.Start();
        var trainee = await app.NewTraineeAsync("n-loop@demo.local", "吴十");
        var cert = await app.Factory.ACertificate(trainee);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (app.Smtp.Received.Count < 2 && DateTime.UtcNow < deadline)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(300)); // one scan period (and many dispatch periods)
            await Task.Delay(200);
        }
        Assert.Single(app.Smtp.WithSubject("考试结果"));
        Assert.Single(app.Smtp.WithSubject(cert.Number));
    }

    [Fact]
    public void Enabling_mail_without_a_sender_address_stops_the_start_naming_the_key()
    {
        using var factory = new AppFactory().With("Notifications:Smtp:Host", "127.0.0.1");
        var e = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Notifications:FromAddress", e.ToString());
    }
}
