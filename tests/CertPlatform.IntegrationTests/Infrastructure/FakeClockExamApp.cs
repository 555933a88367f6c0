using CertPlatform.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on a SQLite file of its own with a fake clock, a 10 s grace and a 5 s overdue scan: what the
/// exam API and deadline tests sit on. Trainees get API clients with the antiforgery header set.
/// </summary>
public sealed class FakeClockExamApp : IDisposable
{
    public const string MockPaper = "mock-part1";
    public const int GraceSeconds = 10;

    public FakeClockExamApp()
    {
        Factory = new AppFactory().With("Exams:GraceSeconds", GraceSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Exams:OverdueScanSeconds", "5").WithServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    public AppFactory Factory { get; }

    /// <summary>The demo trainee, or a new trainee with this e-mail, signed in with an API token.</summary>
    public async Task<HttpClient> TraineeAsync(string? email = null) => email is null
        ? await (await Factory.AUser(Roles.Trainee)).WithApiTokenAsync()
        : await (await Factory.NewTraineeClientAsync(email, u => u.FullName = "另一位学员")).WithApiTokenAsync();

    public void Dispose() => Factory.Dispose();
}
