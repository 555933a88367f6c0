using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.Web.Features.Practice;

/// <summary>
/// The questions practice draws from: ready questions that are graded automatically, so feedback can
/// be immediate (single, multiple, true/false, fill-in, matching, ordering, and case questions whose
/// parts are all of those) of the practice pool. Essays are left out: an examiner grades them; secure questions
/// are left out: their keys must never be shown. Built on the exam pool
/// cache (<see cref="QuestionVersionCache"/>), so it costs no query most of the time.
/// </summary>
public sealed class PracticePool(AppDbContext db, QuestionVersionCache questions)
{
    public async Task<IReadOnlyList<PracticeCandidate>> ReadyAsync(CancellationToken ct)
    {
        var pool = await questions.PoolAsync(ct);
        var practice = pool.In(QuestionPool.Practice); // secure questions are for certification only: never practised
        var cases = practice.Where(c => c.Type == nameof(QuestionType.Case)).Select(c => (c.Id, pool.CurrentVersions[c.Id])).ToList();
        var loaded = cases.Count == 0 ? new Dictionary<(string, int), Question>() : await questions.GetAsync(cases, db, ct);
        return practice
            .Where(c => Enum.TryParse<QuestionType>(c.Type, out var type) && type switch
            {
                QuestionType.Essay => false,
                QuestionType.Case => IsPractisable(loaded[(c.Id, pool.CurrentVersions[c.Id])]),
                _ => true,
            })
            .Select(c => new PracticeCandidate(c.Id, pool.CurrentVersions[c.Id], c.LessonId, c.PartId))
            .ToList();
    }

    /// <summary>True when every part of the question is graded automatically.</summary>
    public static bool IsPractisable(Question q) => q.Type switch
    {
        QuestionType.Essay => false,
        QuestionType.Case => q.Parts.Count > 0 && q.Parts.All(p => p.Type is not (QuestionType.Essay or QuestionType.Case)),
        _ => true,
    };

    /// <summary>
    /// Picks up to <paramref name="count"/> distinct ids, questions not practised before first, in a
    /// random order decided by <paramref name="seed"/> (the same inputs give the same set).
    /// </summary>
    public static IReadOnlyList<string> Draw(IEnumerable<string> ids, IReadOnlySet<string> practised, int count, int seed)
    {
        var rng = new Random(seed);
        var all = ids.Distinct().Order(StringComparer.Ordinal).ToList();
        var fresh = all.Where(id => !practised.Contains(id)).ToArray();
        var again = all.Where(practised.Contains).ToArray();
        rng.Shuffle(fresh);
        rng.Shuffle(again);
        var picked = fresh.Concat(again).Take(Math.Max(0, count)).ToArray();
        rng.Shuffle(picked);
        return picked;
    }
}
