using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CertPlatform.IntegrationTests.Features.Notifications;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer library) that keeps every message it accepts, parsed with MimeKit.
/// Its port is fixed at construction, so it can be stopped (connections refused: the mail server is down) and
/// started again on the same address.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;

    public SmtpTestServer()
    {
        // A free port now; nobody listens on it until Start.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }
    public IReadOnlyList<MimeMessage> Received => _received.ToList();

    public void Start()
    {
        if (_server is not null) return;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false)).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
    }

    public void Stop()
    {
        if (_server is null) return;
        _server.Shutdown();
        _stop!.Cancel();
        try { _running!.Wait(TimeSpan.FromSeconds(10)); } catch (AggregateException) { }
        _stop.Dispose();
        _server = null;
    }

    /// <summary>Messages received whose subject contains <paramref name="text"/>.</summary>
    public IReadOnlyList<MimeMessage> WithSubject(string text) => Received.Where(m => (m.Subject ?? "").Contains(text, StringComparison.Ordinal)).ToList();

    public void Dispose() => Stop();

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, ct));
            return SmtpResponse.Ok;
        }
    }
}
