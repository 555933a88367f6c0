using CertPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertPlatform.UnitTests.Infrastructure;

public sealed class ClientAbortedRequestsTests
{
    private static DefaultHttpContext Context(CancellationToken aborted) => new() { RequestAborted = aborted };

    [Fact]
    public async Task A_cancellation_because_the_client_left_is_answered_499_not_thrown()
    {
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        var context = Context(gone.Token);
        var middleware = new ClientAbortedRequests(_ => throw new TaskCanceledException(), NullLogger<ClientAbortedRequests>.Instance);
        await middleware.InvokeAsync(context);
        Assert.Equal(ClientAbortedRequests.StatusClientClosedRequest, context.Response.StatusCode);
    }

    [Fact]
    public async Task Writing_to_a_connection_the_client_closed_is_answered_499_not_thrown()
    {
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        var context = Context(gone.Token);
        var middleware = new ClientAbortedRequests(_ => throw new IOException("connection reset"), NullLogger<ClientAbortedRequests>.Instance);
        await middleware.InvokeAsync(context);
        Assert.Equal(ClientAbortedRequests.StatusClientClosedRequest, context.Response.StatusCode);
    }

    [Fact]
    public async Task An_io_error_while_the_client_is_still_there_stays_an_error()
    {
        var middleware = new ClientAbortedRequests(_ => throw new IOException("disk full"), NullLogger<ClientAbortedRequests>.Instance);
        await Assert.ThrowsAsync<IOException>(() => middleware.InvokeAsync(Context(CancellationToken.None)));
    }

    [Fact]
    public async Task A_cancellation_while_the_client_is_still_there_stays_an_error()
    {
        var context = Context(CancellationToken.None);
        var middleware = new ClientAbortedRequests(_ => throw new OperationCanceledException(), NullLogger<ClientAbortedRequests>.Instance);
        await Assert.ThrowsAsync<OperationCanceledException>(() => middleware.InvokeAsync(context));
    }
}
