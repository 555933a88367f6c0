using System.Text.Json;
using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Item analysis of one paper: the finished, fully graded attempts in the date range (the first,
/// last, best or all of each trainee's), their marks per slot, and the options chosen.
/// Reads attempts through its own no-tracking queries and streams the graded items.
/// </summary>
public sealed class PaperStatistics(AppDbContext db, ContentCatalog catalog, IOptions<AnalyticsOptions> options, DamagedAttemptDigests damaged, ILogger<PaperStatistics> log)
{
    private const int Chunk = 500;

    private sealed record AttemptRow(string Id, string UserId, int Number, decimal? Score, string Grading);

    public async Task<PaperStatisticsModel?> RunAsync(string paperId, StatisticsFilter filter, CancellationToken ct)
    {
        var paper = await db.Papers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paperId, ct);
        if (paper is null) return null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var finished = Finished(paperId, filter);
        var rows = await finished.Select(a => new AttemptRow(a.Id, a.UserId, a.Number, a.Score, a.Grading)).ToListAsync(ct);
        var awaiting = rows.Count(r => r.Grading != GradingStatus.Final);
        var selected = Select(rows.Where(r => r.Grading == GradingStatus.Final), filter.Attempts);
        var index = new Dictionary<string, int>(selected.Count);
        for (var i = 0; i < selected.Count; i++) index[selected[i].Id] = i;

        var cells = new List<AttemptCell>();
        var read = new CellReader();
        var graded = finished.Where(a => a.Grading == GradingStatus.Final);
        // Digests first: one row per attempt, current when written at the attempt's last grading.
        var chosen = new List<int>();
        var unreadable = new List<string>();
        var covered = await ReadDigestsAsync(graded, index, read, cells, chosen, unreadable, ct);
        // Attempts without a current digest (graded before digests, not yet caught up) or with one that cannot be read:
        // their items and answers.
        var stale = unreadable.Count == 0
            ? graded.Where(a => !db.AttemptDigests.Any(d => d.AttemptId == a.Id && d.GradedAt == a.GradedAt))
            : graded.Where(a => !db.AttemptDigests.Any(d => d.AttemptId == a.Id && d.GradedAt == a.GradedAt) || unreadable.Contains(a.Id));
        var slowIndex = covered == selected.Count ? [] : index.Where(x => !read.Covered.Contains(x.Value)).ToDictionary(x => x.Key, x => x.Value);
        if (slowIndex.Count > 0) await ReadItemsAsync(stale, slowIndex, read, cells, ct);
        var versions = read.Versions;
        var parts = read.Parts;

        var sections = paper.BlueprintJson is null ? null : (JsonSerializer.Deserialize<List<BlueprintSection>>(paper.BlueprintJson) ?? []).Select(s => s.Title).ToList();
        var fixedOrder = paper.FixedQuestionsJson is null ? [] :
            JsonDocument.Parse(paper.FixedQuestionsJson).RootElement.EnumerateArray().Select(e => e.GetProperty("Id").GetString() ?? "").ToList();
        var readMs = clock.ElapsedMilliseconds;
        var (matrix, slotQuestion) = AttemptMatrix.Build(selected.Select(s => s.Id).ToList(), cells, versions, parts, sections, fixedOrder);
        cells.Clear();
        cells.Capacity = 0; // the cells' million-entry array goes to the GC before the tallies allocate theirs
        var matrixMs = clock.ElapsedMilliseconds;
        // The formulas and the option tallies read the same matrix and digests but not each other: the formulas run on
        // another thread while this one queries the questions and tallies the options (two cores: the first run's
        // not-yet-optimised code is paid on both at once).
        long analysedMs = 0;
        var analysing = Task.Run(() =>
        {
            var result = ItemAnalysis.Compute(matrix);
            Interlocked.Exchange(ref analysedMs, clock.ElapsedMilliseconds);
            return result;
        }, ct);
        try
        {
            var questions = await QuestionsAsync(versions, ct);
            var tally = new ResponseTally(questions);
            if (questions.Values.Any(ResponseTally.HasOptions))
            {
                AddDigestChoices(chosen, read, tally);
                if (slowIndex.Count > 0) await TallyAsync(stale, slowIndex, tally, ct);
            }
            chosen.Clear();
            chosen.Capacity = 0;
            // The same totals as the analysis's (the same sums in the same order), computed here so the tally need not wait.
            tally.Complete(matrix.Totals());
            var tallyMs = clock.ElapsedMilliseconds;
            var infoKeys = questions.Keys.ToArray();
            var info = new QuestionInfo[infoKeys.Length];
            // Each question version's distractor analysis and random guess score on its own: spread over the cores.
            Parallel.For(0, infoKeys.Length, new ParallelOptions { CancellationToken = ct }, k => info[k] = Info(infoKeys[k], questions[infoKeys[k]], tally.Options(infoKeys[k])));
            var optionsMs = clock.ElapsedMilliseconds;
            var analysis = await analysing;
            var waitedMs = clock.ElapsedMilliseconds;
            var byKey = new Dictionary<string, QuestionInfo>(infoKeys.Length);
            for (var k = 0; k < infoKeys.Length; k++) byKey[infoKeys[k]] = info[k];
            var report = StatisticsReport.Build(paper.Title, analysis, byKey, k => slotQuestion.GetValueOrDefault(k), options.Value.Flags, PartTitles(catalog));
            log.LogDebug("Statistics of {Paper}: {Attempts} attempts ({Digests} from digests), {Cells} marks read in {ReadMs} ms, matrix by {MatrixMs} ms, " +
                "analysed by {AnalysedMs} ms, options tallied by {TallyMs} ms, options analysed by {OptionsMs} ms, joined by {JoinedMs} ms, report by {ReportMs} ms",
                paperId, selected.Count, covered, matrix.Attempts.Count * matrix.Columns.Count, readMs, matrixMs,
                Interlocked.Read(ref analysedMs), tallyMs, optionsMs, waitedMs, clock.ElapsedMilliseconds);
            return new PaperStatisticsModel(paper, filter, awaiting, report);
        }
        finally
        {
            // Never leave the analysis running unobserved when the tally failed or was cancelled.
            if (!analysing.IsCompleted) await Task.WhenAny(analysing);
        }
    }

    public static IReadOnlyDictionary<string, string> PartTitles(ContentCatalog catalog) =>
        catalog.Curriculum.Parts.ToDictionary(p => p.Id, p => p.Title);

    internal static QuestionInfo Info(string key, Question q, IReadOnlyList<OptionStatistics> options)
    {
        var space = key.LastIndexOf(" v", StringComparison.Ordinal);
        return new QuestionInfo(key[..space], int.Parse(key[(space + 2)..]), TypeName(q.Type), q.Stem, RandomGuessScore.Of(q), options);
    }

    public static string TypeName(QuestionType t) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(t.ToString());

    private IQueryable<Attempt> Finished(string paperId, StatisticsFilter f) =>
        db.Attempts.AsNoTracking().Where(a => a.PaperId == paperId && a.Status == AttemptStatus.Finished).FinishedBetween(f.From, f.To);

    /// <summary>First, last (by attempt number) or best (highest score, then the earlier attempt) per trainee, or all.</summary>
    private static List<AttemptRow> Select(IEnumerable<AttemptRow> rows, AttemptSelection which) => which switch
    {
        AttemptSelection.First => rows.GroupBy(r => r.UserId).Select(g => g.MinBy(r => r.Number)!).OrderBy(r => r.Id, StringComparer.Ordinal).ToList(),
        AttemptSelection.Last => rows.GroupBy(r => r.UserId).Select(g => g.MaxBy(r => r.Number)!).OrderBy(r => r.Id, StringComparer.Ordinal).ToList(),
        AttemptSelection.Best => rows.GroupBy(r => r.UserId).Select(g => g.OrderByDescending(r => r.Score).ThenBy(r => r.Number).First()).OrderBy(r => r.Id, StringComparer.Ordinal).ToList(),
        _ => rows.OrderBy(r => r.Id, StringComparer.Ordinal).ToList(),
    };

    private async Task<Dictionary<string, Question>> QuestionsAsync(IReadOnlyList<string> versionKeys, CancellationToken ct)
    {
        var wanted = versionKeys.ToHashSet();
        var ids = versionKeys.Select(k => k[..k.LastIndexOf(" v", StringComparison.Ordinal)]).Distinct().ToList();
        var result = new Dictionary<string, Question>();
        foreach (var batch in ids.Chunk(Chunk))
        {
            var rows = await db.QuestionVersions.AsNoTracking().Where(v => batch.Contains(v.QuestionId))
                .Select(v => new { v.QuestionId, v.Version, v.PayloadJson }).ToListAsync(ct);
            foreach (var r in rows)
            {
                var key = AnalyticsKeys.Version(r.QuestionId, r.Version);
                if (wanted.Contains(key)) result[key] = QuestionJson.Deserialize(r.PayloadJson);
            }
        }
        return result;
    }

    /// <summary>
    /// Reads the current digests of the graded attempts into cells, and their choices (attempt, question id index,
    /// laid-out version, count, options…) into <paramref name="chosen"/>; returns how many selected attempts they covered.
    /// The digest bytes go through one reused buffer. A digest that cannot be read (damaged, truncated, an unknown format)
    /// is not used at all: its attempt goes into <paramref name="unreadable"/>, for the slow path, and to <see cref="DamagedAttemptDigests"/>.
    /// </summary>
    private async Task<int> ReadDigestsAsync(IQueryable<Attempt> graded, Dictionary<string, int> index, CellReader read, List<AttemptCell> cells,
        List<int> chosen, List<string> unreadable, CancellationToken ct)
    {
        var digests = db.AttemptDigests.AsNoTracking().Join(graded, d => new { d.AttemptId, d.GradedAt }, a => new { AttemptId = a.Id, a.GradedAt }, (d, a) => new { d.AttemptId, d.Body });
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        var options = new int[AttemptDigestReader.MaxChosen];
        try
        {
            await foreach (var r in QueryRows.ReadAsync(db, digests, ct))
            {
                var id = r.GetString(0);
                if (!index.TryGetValue(id, out var a)) continue;
                if (r.IsDBNull(1))
                {
                    Unreadable(id, "no body", unreadable);
                    continue;
                }
                var length = (int)r.GetBytes(1, 0, null, 0, 0);
                if (length > buffer.Length)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
                }
                r.GetBytes(1, 0, buffer, 0, length);
                var body = buffer.AsSpan(0, length);
                if (!AttemptDigestReader.IsReadable(body, out var problem)) Unreadable(id, problem!, unreadable);
                else Decode(a, body, read, cells, chosen, options, index.Count);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
        return read.Covered.Count;
    }

    /// <summary>Reported to the catch-up, which rewrites the digest; warned once (until then, later runs note it at debug level).</summary>
    private void Unreadable(string attemptId, string problem, List<string> unreadable)
    {
        if (damaged.Report(attemptId, problem))
            log.LogWarning("The digest of attempt {AttemptId} cannot be read ({Problem}); its figures are read from its items and answers until the catch-up rewrites it", attemptId, problem);
        else log.LogDebug("The digest of attempt {AttemptId} still cannot be read ({Problem}); read from its items and answers", attemptId, problem);
        unreadable.Add(attemptId);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Decode(int a, ReadOnlySpan<byte> body, CellReader read, List<AttemptCell> cells, List<int> chosen, Span<int> options, int attempts)
    {
        var digest = new AttemptDigestReader(body);
        // Sized once from the first digest (attempts of a paper have about as many questions each): no regrowth.
        if (cells.Count == 0) cells.Capacity = Math.Max(cells.Capacity, attempts * (digest.Count + 1));
        if (!read.Covered.Add(a)) return;
        var first = read.Covered.Count == 1;
        while (digest.Next())
        {
            var question = read.QuestionIndex(digest.QuestionId);
            cells.Add(new AttemptCell(a, digest.Ref, digest.Section, read.Version(question, digest.Version), digest.Mark, digest.Max, read.Part(digest.PartId)));
            if (digest.OptionsVersion == 0) continue;
            var n = digest.ReadChosen(options);
            chosen.Add(a);
            chosen.Add(question);
            chosen.Add(digest.OptionsVersion);
            chosen.Add(n);
            for (var k = 0; k < n; k++) chosen.Add(options[k]);
        }
        // The choices sized the same way, with an eighth to spare for attempts that chose more (multiple choice): growing
        // a list of millions by doubling would copy it and leave the old arrays for the GC.
        if (first) chosen.Capacity = Math.Max(chosen.Capacity, chosen.Count * attempts + chosen.Count * attempts / 8);
    }

    /// <summary>
    /// The digests' choices into the tally, for the question versions the statistics analyse: a first pass counts the
    /// records per question version (and notes its index in place of the question's), so each version's lists are
    /// sized once; the second adds them.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void AddDigestChoices(List<int> chosen, CellReader read, ResponseTally tally)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(chosen);
        var counts = new int[read.Versions.Count];
        for (var i = 0; i < span.Length; i += 4 + span[i + 3])
        {
            var v = read.Find(span[i + 1], span[i + 2]);
            span[i + 1] = v;
            if (v >= 0) counts[v]++;
        }
        var columns = new ResponseColumn?[counts.Length];
        for (var v = 0; v < counts.Length; v++)
            if (counts[v] > 0) columns[v] = tally.For(read.Versions[v], counts[v]);
        for (var i = 0; i < span.Length; i += 4 + span[i + 3])
            if (span[i + 1] >= 0 && columns[span[i + 1]] is { } column) column.Add(span[i], span.Slice(i + 4, span[i + 3]));
    }

    /// <summary>The graded items of the attempts in <paramref name="index"/> (those without a current digest), streamed.</summary>
    private async Task ReadItemsAsync(IQueryable<Attempt> graded, Dictionary<string, int> index, CellReader read, List<AttemptCell> cells, CancellationToken ct)
    {
        // Read with the query's own data reader (EF composes the SQL, nothing is materialised per row); marks come
        // back as floating point from the database (no decimal text to parse per row).
        var items = db.AttemptItems.AsNoTracking().Join(graded, i => i.AttemptId, a => a.Id, (i, a) => new
        {
            i.AttemptId, i.QuestionRef, i.QuestionId, i.Version, i.Section, i.PartId,
            Points = (double)i.Points, AutoScore = (double)i.AutoScore, ManualScore = (double?)i.ManualScore,
        });
        await foreach (var r in QueryRows.ReadAsync(db, items, ct))
        {
            if (!index.TryGetValue(r.GetString(0), out var a)) continue;
            var manual = r.IsDBNull(8) ? 0 : r.GetDouble(8);
            var question = read.QuestionIndex(r.GetString(2));
            cells.Add(new AttemptCell(a, r.GetInt32(1), r.GetInt32(4), read.Version(question, r.GetInt32(3)), r.GetDouble(7) + manual, r.GetDouble(6), read.Part(r.GetString(5))));
        }
    }

    /// <summary>
    /// Streams the selected attempts' layouts, then every saved answer of the graded attempts, into the tally
    /// (two forward-only reads instead of one query per chunk of attempts).
    /// </summary>
    private async Task TallyAsync(IQueryable<Attempt> graded, Dictionary<string, int> index, ResponseTally tally, CancellationToken ct)
    {
        await foreach (var r in QueryRows.ReadAsync(db, graded.Select(a => new { a.Id, a.LayoutJson }), ct))
            if (index.TryGetValue(r.GetString(0), out var a)) tally.AddLayout(a, r.GetString(1));
        var answers = db.AttemptAnswers.AsNoTracking().Join(graded, x => x.AttemptId, a => a.Id, (x, a) => new { x.AttemptId, x.QuestionRef, x.ResponseJson });
        await foreach (var r in QueryRows.ReadAsync(db, answers, ct))
            if (index.TryGetValue(r.GetString(0), out var a)) tally.AddResponse(a, r.GetInt32(1), r.GetString(2));
    }
}
