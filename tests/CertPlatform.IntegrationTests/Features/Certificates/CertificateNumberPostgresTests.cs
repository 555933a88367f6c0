using System.Net;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Features.Certificates;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CertPlatform.IntegrationTests.Features.Certificates;

/// <summary>
/// Issue 15: the first certificate of a new year on PostgreSQL with several issuers. Both issuers find no row for the
/// year at the same moment; both must still get a number (1 and 2), with no unique conflict surfacing as an error.
/// </summary>
public sealed class CertificateNumberPostgresTests(PostgresDatabase pg) : IClassFixture<PostgresDatabase>
{
    private async Task<string> PassAsync(string email)
    {
        return (await pg.Factory.APass(await pg.Factory.NewTraineeClientAsync(email))).AttemptId;
    }

    private async Task<string?> IssueAsync(string attemptId)
    {
        using var scope = pg.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IssueCertificate>().IssueAsync(attemptId, CancellationToken.None);
    }

    [Fact]
    public async Task Two_issuers_racing_for_the_first_number_of_a_year_both_succeed_with_numbers_1_and_2()
    {
        var attempts = new[] { await PassAsync("newyear1@demo.local"), await PassAsync("newyear2@demo.local") };
        // Back to the start of a year: the passes have no certificate and the year has no sequence row.
        await using var control = new NpgsqlConnection(pg.ConnectionString);
        await control.OpenAsync();
        await Exec(control, "DELETE FROM \"CertificateFiles\"; DELETE FROM \"Certificates\"; DELETE FROM \"CertificateSequences\";");

        // Hold both issuers at their first statement on the sequence table, then let them go together: both see no row
        // for the year, both try to create it.
        await using var gate = await control.BeginTransactionAsync();
        await Exec(control, "LOCK TABLE \"CertificateSequences\" IN ACCESS EXCLUSIVE MODE", gate);
        var issuing = attempts.Select(a => Task.Run(() => IssueAsync(a))).ToArray();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await WaitingOnLocksAsync(pg.ConnectionString) < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the two issuers never reached the sequence table");
            Assert.DoesNotContain(issuing, t => t.IsCompleted);
            await Task.Delay(50);
        }
        await gate.CommitAsync();

        var ids = await Task.WhenAll(issuing);
        Assert.All(ids, Assert.NotNull);
        var numbers = await pg.Factory.ScopedAsync(db => db.Certificates.AsNoTracking().Select(c => c.Number).ToListAsync());
        Assert.Equal(["000001", "000002"], numbers.Select(n => n[^6..]).Order().ToArray());
        Assert.Equal(2, await pg.Factory.ScopedAsync(db => db.CertificateSequences.Select(s => s.Last).SingleAsync()));
        Assert.Equal(2, await pg.Factory.ScopedAsync(db => db.CertificateFiles.CountAsync()));
    }

    private static async Task Exec(NpgsqlConnection c, string sql, NpgsqlTransaction? tx = null)
    {
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Sessions of this database waiting for a lock (the two issuers behind the test's table lock).</summary>
    private static async Task<long> WaitingOnLocksAsync(string connectionString)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", c);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
