using System.Security.Cryptography;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Certificates;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// Starts an attempt, or resumes the one in progress: checks audience, window, attempts left and
/// password; draws the questions (blueprint, avoiding ones this trainee saw before) pinned to their
/// current versions; freezes order and shuffles; computes the deadline on the server.
/// Two concurrent starts meet at the database's unique index and both get the same attempt.
/// </summary>
public sealed class StartAttempt(AppDbContext db, QuestionVersionCache questions, OverdueAttempts overdue, ExamDeadlines deadlines, PaperPasswordGuard passwords,
    Analytics.ItemQuality quality, SqliteWriteGate gate, IMemoryCache cache, ILogger<StartAttempt> log)
{
    public async Task<StartAttemptResult> RunAsync(string paperId, AppUser user, string? password, CancellationToken ct)
    {
        var paper = await PaperAccess.VisibleTo(db, user).AsNoTracking().FirstOrDefaultAsync(p => p.Id == paperId, ct);
        if (paper is null) return new StartAttemptResult(StartAttemptOutcome.NotFound);

        var existing = await InProgressAsync(paperId, user.Id, ct);
        if (existing is not null)
        {
            // Within the grace the page still replays answers queued offline; after it, the attempt is over.
            if (deadlines.IsOpen(existing.Deadline)) return new StartAttemptResult(StartAttemptOutcome.Resumed, existing);
            await overdue.FinishAsync(existing.Id, ct); // its time ran out while away: finish it at its deadline first
        }

        var now = deadlines.Now;
        switch (PaperAccess.Window(paper, now))
        {
            case PaperWindow.NotYetOpen: return new StartAttemptResult(StartAttemptOutcome.NotYetOpen);
            case PaperWindow.Closed: return new StartAttemptResult(StartAttemptOutcome.Closed);
        }
        var previous = await db.Attempts.CountAsync(a => a.PaperId == paperId && a.UserId == user.Id, ct);
        if (paper.AttemptsAllowed > 0 && previous >= paper.AttemptsAllowed)
            return new StartAttemptResult(StartAttemptOutcome.NoAttemptsLeft, AttemptsAllowed: paper.AttemptsAllowed);
        switch (await passwords.CheckAsync(paper, user.Id, password, ct))
        {
            case PaperPasswordCheck.Wrong: return new StartAttemptResult(StartAttemptOutcome.WrongPassword);
            case PaperPasswordCheck.Locked: return new StartAttemptResult(StartAttemptOutcome.PasswordLocked);
        }

        var seed = RandomNumberGenerator.GetInt32(int.MaxValue);
        IReadOnlyList<PaperQuestion> drawn;
        int repeats;
        try { (drawn, repeats) = await DrawAsync(paper, user.Id, seed, ct); }
        catch (InvalidOperationException e)
        {
            log.LogError("Paper {Paper} cannot be drawn: {Reason}", paper.Id, e.Message);
            return new StartAttemptResult(StartAttemptOutcome.CannotDraw);
        }
        var allowance = await db.PaperAllowances.Where(a => a.PaperId == paperId && a.UserId == user.Id).Select(a => a.ExtraMinutes).FirstOrDefaultAsync(ct);
        var layout = AttemptLayout.Freeze(drawn, paper.ShuffleQuestions, paper.ShuffleOptions, seed);
        var attempt = new Attempt
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            PaperId = paperId, UserId = user.Id, Number = previous + 1, Status = AttemptStatus.InProgress,
            StartedAt = now, Seed = seed, PassMark = paper.PassMark, MaxScore = drawn.Sum(q => q.Points), PaperVersion = paper.Version,
            Deadline = AttemptDeadline.Compute(now, TimeSpan.FromMinutes(paper.TimeLimitMinutes), TimeSpan.FromMinutes(allowance), paper.ClosesAt),
            LayoutJson = AttemptLayout.Serialize(layout),
            RepeatedQuestions = repeats,
        };
        if (repeats > 0)
            log.LogWarning("Paper {Paper}: the pool is too small to avoid repeats; attempt {Number} of user {User} repeats {Repeats} question(s)", paper.Id, attempt.Number, user.Id, repeats);
        db.Attempts.Add(attempt);
        await AuditUncertifiableStartAsync(paper, attempt, user, ct);
        bool saved;
        using (await gate.EnterAsync("start", ct)) saved = await db.TrySaveChangesAsync(ct);
        if (saved)
        {
            // Its first save needs no query (SaveAnswer.KeyAsync): the saves of a whole exam start right after the starts.
            SaveAnswer.Remember(cache, new AttemptKey(attempt.Id, attempt.UserId, attempt.Deadline, layout.Count));
            return new StartAttemptResult(StartAttemptOutcome.Started, attempt);
        }
        // Another tab or request started this paper at the same moment: theirs won, use it.
        var winner = await InProgressAsync(paperId, user.Id, ct);
        return winner is not null ? new StartAttemptResult(StartAttemptOutcome.Resumed, winner) : new StartAttemptResult(StartAttemptOutcome.StartedElsewhere);
    }

    /// <summary>
    /// An attempt on a certification paper that cannot award this trainee the certificate (version not approved, author,
    /// approver, no programme) is audited with the paper id and version; saved with the attempt itself.
    /// </summary>
    private async Task AuditUncertifiableStartAsync(Paper paper, Attempt attempt, AppUser user, CancellationToken ct)
    {
        if (paper.Kind != PaperKind.Certification) return;
        var outlook = (await PaperCertification.OutlookAsync(db, [paper], user.Id, ct))[paper.Id];
        if (PaperCertification.AuditAction(outlook) is not { } action) return;
        db.AuditEntries.Add(new AuditEntry
        {
            At = attempt.StartedAt, ActorId = user.Id, ActorName = user.UserName ?? user.Id, Action = action, Target = $"paper:{paper.Id}",
            Details = $"version={paper.Version} attempt={attempt.Id} reason={CertificationRule.Key(outlook)}",
        });
    }

    private Task<Attempt?> InProgressAsync(string paperId, string userId, CancellationToken ct) =>
        db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.PaperId == paperId && a.UserId == userId && a.Status == AttemptStatus.InProgress, ct);

    private async Task<(IReadOnlyList<PaperQuestion> Drawn, int Repeats)> DrawAsync(Paper paper, string userId, int seed, CancellationToken ct)
    {
        var pool = await questions.PoolAsync(ct);
        List<(string Id, int Version, int Section, decimal Points)> picks;
        var repeats = 0;
        if (paper.BlueprintJson is not null)
        {
            var seen = (await db.AttemptItems.Where(i => db.Attempts.Any(a => a.Id == i.AttemptId && a.UserId == userId))
                .Select(i => i.QuestionId).Distinct().ToListAsync(ct)).ToHashSet();
            // Item analysis may exclude flagged questions or balance on observed facility (per paper).
            var policy = quality.PolicyFor(paper);
            // Certification papers draw only from the secure pool, mock papers only from the practice pool.
            var inPool = pool.In(DrawPools.ForPaper(paper.Kind == PaperKind.Certification));
            var candidates = policy == DrawPolicy.Authored ? inPool : await quality.EnrichAsync(inPool, ct);
            var chosen = Blueprint.Draw(PaperAccess.Sections(paper), candidates, seen, seed, policy);
            repeats = RepeatAvoidance.Repeats(chosen, seen);
            picks = chosen.Select(d => (d.Id, pool.CurrentVersions[d.Id], d.Section, d.Points)).ToList();
        }
        else
        {
            var fixedList = PaperAccess.FixedQuestions(paper);
            var ids = fixedList.Select(f => f.Id).ToList();
            var current = await db.Questions.Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.CurrentVersion, ct);
            if (fixedList.Count == 0 || current.Count != ids.Distinct().Count())
                throw new InvalidOperationException("the fixed paper is empty or names questions missing from the bank");
            picks = fixedList.Select(f => (f.Id, current[f.Id], 0, f.Points)).ToList();
        }
        var loaded = await questions.GetAsync(picks.Select(p => (p.Id, p.Version)), db, ct);
        return (picks.Select(p => new PaperQuestion(loaded[(p.Id, p.Version)], p.Version, p.Section, p.Points)).ToList(), repeats);
    }
}
