using System.Net;
using System.Security.Cryptography;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.Certificates;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Infrastructure.Pdf;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertPlatform.IntegrationTests.Features.Certificates;

/// <summary>
/// Issuing in short transactions: the PDF is rendered with no database write lock held, two issuers for one pass
/// still make one certificate with one number, and a certificate whose PDF is missing is completed by the safety net.
/// </summary>
public sealed class CertificateIssuingTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private readonly AppFactory _factory;
    private readonly ProbingRenderer _probe = new();

    public CertificateIssuingTests()
    {
        _factory = new AppFactory().WithServices(s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            s.AddSingleton<ICertificateRenderer>(sp => _probe.Wrapping(sp.GetRequiredService<CertificatePdfRenderer>()));
        });
        _probe.DatabasePath = Path.Combine(_factory.DataFolder, "test.db");
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>
    /// Wraps the real renderer. While rendering it tries to take SQLite's write lock from another connection (what the
    /// autosave writer does) with a 1-second busy timeout, and can be told to fail the next render.
    /// </summary>
    private sealed class ProbingRenderer
    {
        public string DatabasePath { get; set; } = "";
        public bool FailNext { get; set; }
        public List<string> WriteLockProbes { get; } = [];
        public int Renders;

        public ICertificateRenderer Wrapping(ICertificateRenderer inner) => new Wrapper(this, inner);

        private sealed class Wrapper(ProbingRenderer probe, ICertificateRenderer inner) : ICertificateRenderer
        {
            public byte[] Render(CertificateContent content)
            {
                Interlocked.Increment(ref probe.Renders);
                lock (probe.WriteLockProbes) probe.WriteLockProbes.Add(ProbeWriteLock(probe.DatabasePath));
                if (probe.FailNext)
                {
                    probe.FailNext = false;
                    throw new InvalidOperationException("renderer failed (test)");
                }
                return inner.Render(content);
            }
        }

        private static string ProbeWriteLock(string path)
        {
            using var connection = new SqliteConnection($"Data Source={path};Default Timeout=1;Pooling=False");
            connection.Open();
            try
            {
                using var begin = connection.CreateCommand();
                begin.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
                begin.ExecuteNonQuery();
                return "free";
            }
            catch (SqliteException e) { return $"locked ({e.SqliteErrorCode})"; }
        }
    }

    private async Task<(HttpClient Client, string AttemptId, string? CertificateId)> PassAsync(string email)
    {
        var client = await _factory.NewTraineeClientAsync(email, u => { u.FullName = "李晓梅"; u.EmployeeNumber = "D9001"; });
        var (attemptId, _, certificateId) = await _factory.APass(client);
        return (client, attemptId, certificateId);
    }

    [Fact]
    public async Task The_pdf_is_rendered_while_no_write_lock_is_held()
    {
        var (client, _, certificateId) = await PassAsync("issue1@demo.local");
        Assert.NotNull(certificateId);
        Assert.Equal(["free"], _probe.WriteLockProbes);
        var cert = await _factory.ScopedAsync(db => db.Certificates.SingleAsync(c => c.Id == certificateId));
        var pdf = await client.GetByteArrayAsync($"/certificates/{cert.Id}/pdf");
        Assert.Equal(cert.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
        Assert.Equal(pdf.Length, cert.PdfLength);
    }

    [Fact]
    public async Task Two_issuers_for_one_attempt_make_one_certificate_with_one_number()
    {
        var (_, attemptId, firstId) = await PassAsync("issue2@demo.local");
        // Undo the issue (certificate, file, number) so that two issuers can race for the same pass.
        await _factory.ScopedAsync(async db =>
        {
            await db.CertificateFiles.Where(f => f.CertificateId == firstId).ExecuteDeleteAsync();
            await db.Certificates.Where(c => c.Id == firstId).ExecuteDeleteAsync();
            await db.CertificateSequences.ExecuteUpdateAsync(s => s.SetProperty(x => x.Last, x => x.Last - 1));
            return 0;
        });
        var before = await _factory.ScopedAsync(db => db.CertificateSequences.SumAsync(s => s.Last));

        async Task<string?> IssueAsync()
        {
            using var scope = _factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<IssueCertificate>().IssueAsync(attemptId, CancellationToken.None);
        }
        var ids = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(IssueAsync)));

        Assert.Single(ids.Distinct());
        Assert.NotNull(ids[0]);
        var certs = await _factory.ScopedAsync(db => db.Certificates.Where(c => c.AttemptId == attemptId).ToListAsync());
        var cert = Assert.Single(certs);
        Assert.Equal(before + 1, await _factory.ScopedAsync(db => db.CertificateSequences.SumAsync(s => s.Last)));
        Assert.EndsWith($"-{before + 1:000000}", cert.Number);
        var file = await _factory.ScopedAsync(db => db.CertificateFiles.SingleAsync(f => f.CertificateId == cert.Id));
        Assert.Equal(cert.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(file.Bytes)));
        Assert.All(_probe.WriteLockProbes, p => Assert.Equal("free", p));
    }

    [Fact]
    public async Task The_safety_net_completes_a_certificate_whose_pdf_was_never_stored()
    {
        _probe.FailNext = true;
        var (client, attemptId, reported) = await PassAsync("issue3@demo.local");
        Assert.Null(reported); // the handler failed after the certificate row was committed
        var cert = await _factory.ScopedAsync(db => db.Certificates.SingleAsync(c => c.AttemptId == attemptId));
        Assert.False(cert.HasFile);
        Assert.False(await _factory.ScopedAsync(db => db.CertificateFiles.AnyAsync(f => f.CertificateId == cert.Id)));

        // Meanwhile: the owner is told to wait (not a 500), and the verify page says the file is being made.
        var pending = await client.GetAsync($"/certificates/{cert.Id}/pdf");
        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
        Assert.Contains("证书文件正在生成", await pending.Content.ReadAsStringAsync());
        Assert.Contains("sha256-pending", await _factory.NewClient().GetStringAsync($"/verify/{cert.VerificationCode}"));

        var net = _factory.Services.GetRequiredService<IssueMissingCertificates>();
        Assert.Equal(0, await net.RunOnceAsync(CancellationToken.None)); // too recent: an issuer may still be rendering it
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await net.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await net.RunOnceAsync(CancellationToken.None));

        var done = await _factory.ScopedAsync(db => db.Certificates.SingleAsync(c => c.AttemptId == attemptId));
        Assert.Equal(cert.Number, done.Number);
        Assert.True(done.HasFile);
        client = await (await _factory.SignedInClient("issue3@demo.local", AppFactory.TraineePassword)).WithApiTokenAsync();
        var pdf = await client.GetByteArrayAsync($"/certificates/{cert.Id}/pdf");
        Assert.Equal(done.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
        Assert.Equal(1, await _factory.ScopedAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.CertificateIssued && a.Target == $"certificate:{cert.Number}")));
    }
}
