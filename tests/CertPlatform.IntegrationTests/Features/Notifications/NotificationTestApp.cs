using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertPlatform.IntegrationTests.Features.Notifications;

/// <summary>The real app on SQLite with a fake clock and mail going to a <see cref="SmtpTestServer"/> on loopback.</summary>
public sealed class NotificationTestApp : IDisposable
{
    public const int MaxAttempts = 3;

    /// <param name="smtp">Share another app's SMTP server (two instances of the site, one mail server).</param>
    public NotificationTestApp(bool backgroundLoops = false, SmtpTestServer? smtp = null, Action<AppFactory>? configure = null)
    {
        Smtp = smtp ?? new SmtpTestServer();
        _ownsSmtp = smtp is null;
        Factory = new AppFactory()
            .With("Notifications:Smtp:Host", "127.0.0.1")
            .With("Notifications:Smtp:Port", Smtp.Port.ToString())
            .With("Notifications:Smtp:Security", "None")
            .With("Notifications:Smtp:TimeoutSeconds", "10")
            .With("Notifications:FromAddress", "certs@example.test")
            .With("Notifications:MaxAttempts", MaxAttempts.ToString())
            .With("Notifications:RunBackgroundLoops", backgroundLoops ? "true" : "false")
            .WithServices(s => s.AddSingleton<TimeProvider>(Clock));
        configure?.Invoke(Factory);
    }

    private readonly bool _ownsSmtp;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
    public SmtpTestServer Smtp { get; }
    public AppFactory Factory { get; }

    public NotificationScanner Scanner => Factory.Services.GetRequiredService<NotificationScanner>();
    public OutboxDispatcher Dispatcher => Factory.Services.GetRequiredService<OutboxDispatcher>();

    public Task<int> ScanAsync() => Scanner.ScanAsync(CancellationToken.None);
    public Task<int> DispatchAsync() => Dispatcher.DispatchDueAsync(CancellationToken.None);

    public Task<List<OutboxMessage>> OutboxAsync() => Factory.ScopedAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    public Task<OutboxMessage> MessageAsync(string dedupeKey) => Factory.ScopedAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DedupeKey == dedupeKey));

    /// <summary>A trainee (name, employee number, organisation filled in) signed in for the exam API.</summary>
    public Task<HttpClient> NewTraineeAsync(string email, string name) =>
        Factory.NewTraineeClientAsync(email, u => { u.FullName = name; u.EmployeeNumber = "N" + Math.Abs(email.GetHashCode() % 100000); u.Organization = "广州分公司"; });

    public Task<string> UserIdAsync(string email) => Factory.ScopedAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public Task<List<MailRecipient>> HrAsync() => Factory.ScopedAsync(db =>
        (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.HR select new MailRecipient(u.Id, u.Email!, u.FullName)).ToListAsync());

    public void Dispose()
    {
        Factory.Dispose();
        if (_ownsSmtp) Smtp.Dispose();
    }
}
