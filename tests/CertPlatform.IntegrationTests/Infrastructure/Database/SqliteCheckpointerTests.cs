using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Infrastructure.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace CertPlatform.IntegrationTests.Infrastructure.Database;

/// <summary>
/// The background checkpointer on a real SQLite file: the app's connections leave the write-ahead log alone, the
/// checkpointer copies it into the database file, keeps it within its limit and empties it when the site is idle,
/// and nothing committed is lost on the way.
/// </summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private const int Rows = 1200;
    private const int PayloadBytes = 8 * 1024;

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "certplatform-ckpt-" + Guid.NewGuid().ToString("N"))).FullName;
    private readonly List<IDisposable> _owned = [];

    private string DbFile => Path.Combine(_folder, "test.db");
    private string WalFile => DbFile + "-wal";
    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DbFile, Pooling = false }.ToString();

    public void Dispose()
    {
        foreach (var d in _owned) d.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task A_log_over_its_limit_is_copied_into_the_database_file_and_restarts_cut_back_to_the_limit()
    {
        var options = new SqliteCheckpointOptions { WalLimitMegabytes = 1 };
        await using var app = await OpenAppConnectionAsync(options);
        Assert.Equal("0", await ScalarAsync(app, "PRAGMA wal_autocheckpoint;"));
        await WriteRowsAsync(app, 0, Rows);
        // ≈ 2,600 pages (10 MB), all still in the log: the app's connection did not checkpoint on its own (SQLite's default
        // would have copied the log after the commit that took it past 1,000 pages and started it again, ≈ 5 MB at most).
        Assert.True(new FileInfo(WalFile).Length > 8_000_000, $"log file {new FileInfo(WalFile).Length} bytes: the app's connection checkpointed inline");

        var checkpointer = Checkpointer(options);
        await checkpointer.RunOnceAsync(CancellationToken.None);
        Assert.True(checkpointer.WalPages > 2000, $"{checkpointer.WalPages} pages in the log");

        // Everything is in the database file itself now: a copy of that file alone, without its log, has every row.
        var copy = Path.Combine(_folder, "copy.db");
        File.Copy(DbFile, copy);
        await using (var fromCopy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
        {
            await fromCopy.OpenAsync();
            Assert.Equal((Rows, (long)Rows * PayloadBytes), await CountAsync(fromCopy));
        }

        // The next write finds the log fully copied and starts it again from its beginning; the file is cut back to the limit.
        await WriteRowsAsync(app, Rows, 1);
        Assert.InRange(new FileInfo(WalFile).Length, 1, options.WalLimitBytes);
        await checkpointer.RunOnceAsync(CancellationToken.None);
        Assert.InRange(checkpointer.WalPages, 1, 10);

        await app.CloseAsync();
        await using var reopened = new SqliteConnection(ConnectionString);
        await reopened.OpenAsync();
        Assert.Equal((Rows + 1, (long)(Rows + 1) * PayloadBytes), await CountAsync(reopened));
        Assert.Equal("ok", await ScalarAsync(reopened, "PRAGMA integrity_check;"));
    }

    [Fact]
    public async Task An_idle_log_is_emptied_once_everything_is_copied_and_the_data_stays()
    {
        var options = new SqliteCheckpointOptions { WalLimitMegabytes = 64 };
        await using var app = await OpenAppConnectionAsync(options);
        await WriteRowsAsync(app, 0, 50);
        var checkpointer = Checkpointer(options);

        await checkpointer.RunOnceAsync(CancellationToken.None); // copies; below the limit, so the log file stays
        Assert.True(new FileInfo(WalFile).Length > 0);
        await checkpointer.RunOnceAsync(CancellationToken.None); // nothing new since the last pass: the file is emptied
        Assert.Equal(0, new FileInfo(WalFile).Length);
        Assert.Equal(0, checkpointer.WalPages);

        await WriteRowsAsync(app, 50, 1); // a write after the truncation goes on as usual
        await app.CloseAsync();
        await using var reopened = new SqliteConnection(ConnectionString);
        await reopened.OpenAsync();
        Assert.Equal((51, 51L * PayloadBytes), await CountAsync(reopened));
    }

    [Fact]
    public async Task The_site_leaves_checkpoints_to_the_background_service_which_empties_the_log_when_idle()
    {
        var factory = Own(new AppFactory().With("Database:Checkpoint:Background", "true").With("Database:Checkpoint:IntervalMilliseconds", "50"));
        factory.NewClient(); // starts the host: migrations, the demo data, the hosted services
        Assert.NotNull(factory.Services.GetService<SqliteCheckpointer>());
        Assert.Equal(0L, await factory.ScopedAsync(db => AppPragmaAsync(db, "wal_autocheckpoint")));
        Assert.Equal(32L * 1024 * 1024, await factory.ScopedAsync(db => AppPragmaAsync(db, "journal_size_limit")));

        // Start-up wrote the schema and the demo data into the log; the idle site's log file is emptied by the service.
        var wal = Path.Combine(factory.DataFolder, "test.db-wal");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (File.Exists(wal) && new FileInfo(wal).Length > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(0, File.Exists(wal) ? new FileInfo(wal).Length : 0);
        Assert.True(await factory.ScopedAsync(db => db.Users.AnyAsync()));
    }

    [Fact]
    public async Task By_default_the_site_keeps_sqlite_s_own_checkpoints()
    {
        var factory = Own(new AppFactory()); // the default
        factory.NewClient();
        Assert.Null(factory.Services.GetService<SqliteCheckpointer>());
        Assert.Equal(1000L, await factory.ScopedAsync(db => AppPragmaAsync(db, "wal_autocheckpoint")));
    }

    [Fact]
    public async Task Each_pass_is_counted_with_its_mode_the_pages_it_copied_and_its_duration()
    {
        var options = new SqliteCheckpointOptions { WalLimitMegabytes = 64 };
        await using var app = await OpenAppConnectionAsync(options);
        await WriteRowsAsync(app, 0, 50);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var metrics = new CertPlatformMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var seen = new List<(string Instrument, string? Mode, double Value)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (i, l) => { if (ReferenceEquals(i.Meter, metrics.Checkpoints.Meter)) l.EnableMeasurementEvents(i); };
        void Seen(System.Diagnostics.Metrics.Instrument i, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? mode = null;
            foreach (var t in tags) if (t.Key == "mode") mode = t.Value as string;
            lock (seen) seen.Add((i.Name, mode, value));
        }
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Seen(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Seen(i, v, tags));
        listener.Start();
        var checkpointer = Own(new SqliteCheckpointer(ConnectionString, new SqliteConnectionPragmas(options.WalLimitBytes),
            new SqliteWriteGate(oneWriter: true), Options.Create(options), TimeProvider.System, NullLogger<SqliteCheckpointer>.Instance, metrics));

        await checkpointer.RunOnceAsync(CancellationToken.None); // copies the 50 rows' pages
        await checkpointer.RunOnceAsync(CancellationToken.None); // idle: empties the log file, copies nothing new

        Assert.Equal([("passive", 1.0), ("truncate", 1.0)], seen.Where(m => m.Instrument == "certplatform.sqlite.checkpoints").Select(m => (m.Mode!, m.Value)));
        var pages = Assert.Single(seen, m => m.Instrument == "certplatform.sqlite.checkpoint.pages");
        Assert.Equal("passive", pages.Mode);
        Assert.InRange(pages.Value, 50, 1000); // 50 rows of 8 KB: two or three pages each, and the table's
        Assert.Equal(2, seen.Count(m => m.Instrument == "certplatform.sqlite.checkpoint.duration" && m.Value > 0));
    }

    [Fact]
    public async Task A_dispose_while_the_final_checkpoint_waits_for_the_gate_leaves_it_a_live_connection_which_it_closes_afterwards()
    {
        var options = new SqliteCheckpointOptions { WalLimitMegabytes = 64, IntervalMilliseconds = 60_000 };
        await using var app = await OpenAppConnectionAsync(options);
        await WriteRowsAsync(app, 0, 50);
        var sink = new CapturingLogSink();
        var gate = new SqliteWriteGate(oneWriter: true);
        var checkpointer = Checkpointer(options, gate, sink);
        await checkpointer.StartAsync(CancellationToken.None); // the first pass opens the connection and copies the log
        await WaitUntilAsync(() => checkpointer.WalPages > 0);
        Assert.True(new FileInfo(WalFile).Length > 0);
        Assert.Equal(2, OpenHandlesTo(DbFile)); // the app's connection and the checkpointer's

        Task stop;
        using (await gate.EnterAsync(CancellationToken.None)) // a hot writer holds the gate: the final checkpoint queues behind it
        {
            stop = checkpointer.StopAsync(CancellationToken.None);
            await Task.Delay(300); // the loop has ended and the final checkpoint has taken the connection and waits at the gate
            checkpointer.Dispose(); // what a host that gives up waiting does meanwhile
            Assert.False(stop.IsCompleted);
        }
        await stop.WaitAsync(TimeSpan.FromSeconds(30));

        // The TRUNCATE ran on a live connection (it emptied the log file, which the app's open connection keeps in place),
        // and nothing was logged. The checkpointer's connection is closed: once the app's closes too, no handle is left
        // (SQLite defers closing a file while another connection of the process holds a lock on it).
        Assert.Equal(0, new FileInfo(WalFile).Length);
        Assert.Empty(sink.Events.Where(e => e.Level >= LogEventLevel.Warning).Select(e => e.RenderMessage()));
        await app.CloseAsync();
        Assert.Equal(0, OpenHandlesTo(DbFile));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => checkpointer.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Stop_and_dispose_overlapping_in_any_order_never_fail_and_leave_no_connection_open()
    {
        var options = new SqliteCheckpointOptions { WalLimitMegabytes = 64, IntervalMilliseconds = 50 };
        await using (var app = await OpenAppConnectionAsync(options)) await WriteRowsAsync(app, 0, 10);
        var sink = new CapturingLogSink();
        for (var i = 0; i < 20; i++)
        {
            var gate = new SqliteWriteGate(oneWriter: true);
            var checkpointer = new SqliteCheckpointer(ConnectionString, new SqliteConnectionPragmas(options.WalLimitBytes), gate,
                Options.Create(options), TimeProvider.System, Logger(sink));
            await checkpointer.StartAsync(CancellationToken.None);
            await WaitUntilAsync(() => checkpointer.WalPages >= 0);
            await Task.Delay(i % 4 * 20); // sometimes mid-pass, sometimes between passes
            // A short shutdown budget on odd rounds: the host gives up on the stop and disposes the service meanwhile.
            using var budget = new CancellationTokenSource(i % 2 == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(i % 3));
            var stop = Task.Run(() => checkpointer.StopAsync(budget.Token));
            var dispose = Task.Run(async () =>
            {
                await Task.Delay(i % 5);
                checkpointer.Dispose();
            });
            await Task.WhenAll(stop, dispose).WaitAsync(TimeSpan.FromSeconds(30));
            await checkpointer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30)); // a pass the stop gave up on closes the connection as it ends
            Assert.Equal(0, OpenHandlesTo(DbFile));
        }
        Assert.Empty(sink.Events.Where(e => e.Level >= LogEventLevel.Warning).Select(e => e.RenderMessage() + " " + e.Exception));
        await using var reopened = new SqliteConnection(ConnectionString);
        await reopened.OpenAsync();
        Assert.Equal((10, 10L * PayloadBytes), await CountAsync(reopened));
    }

    [Theory]
    [InlineData("IntervalMilliseconds", "10")]
    [InlineData("WalLimitMegabytes", "0")]
    public void A_checkpoint_setting_out_of_range_stops_the_start_naming_the_key(string key, string value)
    {
        var factory = Own(new AppFactory().With("Database:Checkpoint:" + key, value));
        var e = Assert.ThrowsAny<OptionsValidationException>(() => factory.NewClient());
        Assert.Contains("Database:Checkpoint:" + key, e.Message);
    }

    private T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private SqliteCheckpointer Checkpointer(SqliteCheckpointOptions options) => Own(new SqliteCheckpointer(ConnectionString,
        new SqliteConnectionPragmas(options.WalLimitBytes), new SqliteWriteGate(oneWriter: true), Options.Create(options), TimeProvider.System,
        NullLogger<SqliteCheckpointer>.Instance));

    private SqliteCheckpointer Checkpointer(SqliteCheckpointOptions options, SqliteWriteGate gate, CapturingLogSink sink) =>
        Own(new SqliteCheckpointer(ConnectionString, new SqliteConnectionPragmas(options.WalLimitBytes), gate, Options.Create(options),
            TimeProvider.System, Logger(sink)));

    /// <summary>The checkpointer's log, kept in <paramref name="sink"/> (a logger of its own: Serilog's static logger is not touched).</summary>
    private static ILogger<SqliteCheckpointer> Logger(CapturingLogSink sink) =>
        new SerilogLoggerFactory(new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(sink).CreateLogger(), dispose: true)
            .CreateLogger<SqliteCheckpointer>();

    /// <summary>This process's open file handles on <paramref name="file"/>; an open SQLite connection holds one. Counted
    /// through Linux's /proc/self/fd (the CI's and the servers' system).</summary>
    private static int OpenHandlesTo(string file)
    {
        var count = 0;
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try { if (new FileInfo(fd).LinkTarget == file) count++; }
            catch (IOException) { } // closed while we looked
        }
        return count;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.True(condition(), "timed out waiting");
    }

    /// <summary>A connection set up as the site sets up its own (the interceptor's pragmas), on a new WAL-mode file.</summary>
    private async Task<SqliteConnection> OpenAppConnectionAsync(SqliteCheckpointOptions options)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await new SqliteConnectionPragmas(options.WalLimitBytes) { BackgroundCheckpoints = true }.ConnectionOpenedAsync(connection, null!);
        await ScalarAsync(connection, "PRAGMA journal_mode=WAL;");
        await ScalarAsync(connection, "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, payload BLOB NOT NULL);");
        return connection;
    }

    /// <summary>Rows of random bytes, 100 per transaction.</summary>
    private static async Task WriteRowsAsync(SqliteConnection connection, int first, int count)
    {
        for (var start = first; start < first + count; start += 100)
        {
            await using var tx = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = (SqliteTransaction)tx;
            insert.CommandText = "INSERT INTO t (id, payload) VALUES ($id, $payload);";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
            for (var i = start; i < Math.Min(start + 100, first + count); i++)
            {
                id.Value = i;
                var bytes = new byte[PayloadBytes];
                Random.Shared.NextBytes(bytes); // incompressible, one row ≈ two overflow pages
                payload.Value = bytes;
                await insert.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
    }

    private static async Task<(int Rows, long Bytes)> CountAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), total(length(payload)) FROM t;";
        await using var row = await command.ExecuteReaderAsync();
        await row.ReadAsync();
        return (row.GetInt32(0), (long)row.GetDouble(1));
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static async Task<long> AppPragmaAsync(AppDbContext db, string pragma)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {pragma};";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }
}
