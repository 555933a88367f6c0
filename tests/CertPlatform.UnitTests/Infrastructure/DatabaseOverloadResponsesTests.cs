using System.Diagnostics.Metrics;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CertPlatform.UnitTests.Infrastructure;

public sealed class DatabaseOverloadResponsesTests
{
    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    private static DatabaseOverloadResponses Middleware(Exception thrown, CertPlatformMetrics? metrics = null) =>
        new(_ => throw thrown, metrics ?? new CertPlatformMetrics(Meters), NullLogger<DatabaseOverloadResponses>.Instance);

    private static NpgsqlException PoolExhausted() => new("The connection pool has been exhausted", new TimeoutException());

    /// <summary>What Npgsql throws when PostgreSQL is down (its message and types; DatabaseOverloadTests provokes the real one).</summary>
    private static NpgsqlException Refused() =>
        new("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));

    [Fact]
    public async Task An_api_request_while_postgresql_is_down_is_a_503_problem_with_retry_after_not_a_500()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = "/api/v1/exams";
        context.Request.Headers.Accept = "application/json";
        context.Response.Body = new MemoryStream();
        await Middleware(Refused()).InvokeAsync(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.False(string.IsNullOrEmpty(context.Response.Headers.RetryAfter.ToString()));
        Assert.StartsWith("application/problem+json", context.Response.ContentType);
    }

    [Fact]
    public async Task A_page_request_on_an_overloaded_database_is_a_503_with_retry_after_and_no_body_for_the_status_code_page()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/exams";
        context.Request.Headers.Accept = "text/html";
        await Middleware(PoolExhausted()).InvokeAsync(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        var seconds = int.Parse(context.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, DatabaseOverloadResponses.RetryAfterSeconds, DatabaseOverloadResponses.RetryAfterSeconds + DatabaseOverloadResponses.RetryAfterSpread);
        Assert.Null(context.Response.ContentType); // the status-code page (/error/503) renders it
    }

    [Fact]
    public async Task Every_overloaded_request_is_counted_with_its_reason()
    {
        using var metrics = new CertPlatformMetrics(Meters);
        var reasons = new List<string?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) => { if (ReferenceEquals(i, metrics.DatabaseOverloaded)) l.EnableMeasurementEvents(i); };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var t in tags) if (t.Key == "reason") for (var n = 0; n < value; n++) reasons.Add(t.Value as string);
        });
        listener.Start();

        await Middleware(PoolExhausted(), metrics).InvokeAsync(new DefaultHttpContext());
        await Middleware(new SqliteException("database is locked", 5), metrics).InvokeAsync(new DefaultHttpContext());
        await Middleware(Refused(), metrics).InvokeAsync(new DefaultHttpContext());

        Assert.Equal([DatabaseOverload.Timeout, DatabaseOverload.Busy, DatabaseOverload.Unreachable], reasons);
    }

    [Fact]
    public async Task Any_other_database_error_is_left_to_the_exception_handler()
    {
        var constraint = new SqliteException("UNIQUE constraint failed", 19);
        var thrown = await Assert.ThrowsAsync<SqliteException>(() => Middleware(constraint).InvokeAsync(new DefaultHttpContext()));
        Assert.Same(constraint, thrown);
    }

    [Fact]
    public async Task A_response_already_started_cannot_be_changed_and_the_error_goes_on()
    {
        var context = new DefaultHttpContext();
        var started = new StartedResponse();
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>(started);
        await Assert.ThrowsAsync<NpgsqlException>(() => Middleware(PoolExhausted()).InvokeAsync(context));
    }

    private sealed class StartedResponse : Microsoft.AspNetCore.Http.Features.HttpResponseFeature
    {
        public override bool HasStarted => true;
    }
}
