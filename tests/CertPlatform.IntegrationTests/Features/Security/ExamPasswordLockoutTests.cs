using System.Net;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertPlatform.IntegrationTests.Features.Security;

/// <summary>Finding: exam access passwords can be guessed without limit.</summary>
public sealed class ExamPasswordLockoutTests : IDisposable
{
    private const string Paper = "mock-part1";
    private const string Password = "kaoshi-2026";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly AppFactory _factory;

    public ExamPasswordLockoutTests() => _factory = new AppFactory().WithServices(s => s.AddSingleton<TimeProvider>(_clock));

    public void Dispose() => _factory.Dispose();

    private async Task ProtectPaperAsync(string paperId) => await _factory.ScopedAsync(async db =>
    {
        var paper = await db.Papers.SingleAsync(p => p.Id == paperId);
        paper.AccessPasswordHash = PaperAccess.HashPassword(paper, Password);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Wrong_passwords_lock_that_trainee_out_of_that_paper_for_a_while()
    {
        await ProtectPaperAsync(Paper);
        await ProtectPaperAsync("mock-part2");
        var guesser = await _factory.NewTraineeClientAsync("guesser@example.com");
        for (var i = 1; i < PaperPasswordGuard.MaxFailures; i++)
            Assert.Equal(HttpStatusCode.Forbidden, (await guesser.StartAsync(Paper, "guess-" + i)).StatusCode);
        var locked = await guesser.StartAsync(Paper, "guess-last");
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("锁定", await locked.Content.ReadAsStringAsync());

        // Locked: even the right password is refused…
        Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.StartAsync(Paper, Password)).StatusCode);
        // …but only for this trainee and this paper.
        var other = await _factory.NewTraineeClientAsync("other-trainee@example.com");
        Assert.Equal(HttpStatusCode.Created, (await other.StartAsync(Paper, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await guesser.StartAsync("mock-part2", Password)).StatusCode);

        _clock.Advance(PaperPasswordGuard.LockDuration + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Created, (await guesser.StartAsync(Paper, Password)).StatusCode);
        Assert.Equal(0, await _factory.ScopedAsync(db => db.Set<CertPlatform.Web.Data.PaperPasswordFailure>().CountAsync(f => f.PaperId == Paper)));
    }
}
