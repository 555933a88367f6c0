using System.Net;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Features.Exams.Contract;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CertPlatform.IntegrationTests.Features.Exams;

/// <summary>
/// Exam requests log with the attempt's id and the user's id (Infrastructure/Telemetry/AttemptLogScope), so an
/// answer save can be traced in the JSON logs of whichever instance served it. Log records are captured by a sink the
/// app's Serilog configuration reads from its services.
/// </summary>
[Collection(SerilogStaticLogger.Name)]
public sealed class AttemptLogScopeTests : IDisposable
{
    private readonly CapturingLogSink _sink = new();
    private readonly AppFactory _factory;

    public AttemptLogScopeTests()
    {
        _factory = new AppFactory()
            .With("Serilog:MinimumLevel:Default", "Information")
            .With("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Information")
            .WithServices(s => s.AddSingleton<ILogEventSink>(_sink));
    }

    public void Dispose() => _factory.Dispose();


    private static string? Text(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: string s } ? s : null;

    [Fact]
    public async Task Log_records_of_an_answer_save_carry_the_attempt_id_and_the_user_id()
    {
        var trainee = await _factory.NewTraineeClientAsync("log-scope@demo.local");
        var id = (await (await trainee.StartAsync("mock-part1")).ReadAsync<AttemptStarted>()).AttemptId;
        var userId = await _factory.ScopedAsync(db => db.Users.Where(u => u.Email == "log-scope@demo.local").Select(u => u.Id).SingleAsync());
        _sink.Events.Clear();

        Assert.Equal(HttpStatusCode.OK, (await trainee.SaveAsync(id, 0, new { selected = new[] { 1 } }, 1)).StatusCode);

        var path = $"/api/attempts/{id}/answers/0";
        bool IsSummary(LogEvent e) => Text(e, "RequestPath") == path && e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal);
        // The summary line is written when the request ends, which can be just after the client has the response.
        for (var i = 0; i < 100 && !_sink.Events.Any(IsSummary); i++) await Task.Delay(50);
        var events = _sink.Events.ToList();
        // The request's summary line (Serilog request logging) …
        var summary = Assert.Single(events, IsSummary);
        Assert.Equal((id, userId), (Text(summary, "AttemptId"), Text(summary, "UserId")));
        // … and the records written while the request ran (here ASP.NET Core's endpoint records), within the scope.
        // (Filtered by path: test hosts running in parallel share Serilog's static logger, so the sink sees their records too.)
        var inside = events.Where(e => Text(e, "RequestPath") == path
            && Text(e, "SourceContext")?.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(inside);
        Assert.All(inside, e => Assert.Equal((id, userId), (Text(e, "AttemptId"), Text(e, "UserId"))));

        // A request that names no attempt carries none.
        _sink.Events.Clear();
        Assert.Equal(HttpStatusCode.OK, (await trainee.GetAsync("/exams")).StatusCode);
        Assert.Contains(_sink.Events, e => Text(e, "RequestPath") == "/exams");
        Assert.DoesNotContain(_sink.Events, e => Text(e, "RequestPath") == "/exams" && e.Properties.ContainsKey("AttemptId"));
    }
}
