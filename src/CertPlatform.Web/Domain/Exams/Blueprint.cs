namespace CertPlatform.Web.Domain.Exams;

/// <summary>
/// Blueprint assembly: each section draws its count from the ready questions it accepts, never the
/// same question twice in a paper, preferring questions the candidate has not seen in earlier attempts
/// while the bank allows, and keeping each section's mean difficulty close to the mean of what it
/// could draw from, so two candidates' papers are comparable.
/// </summary>
public static class Blueprint
{
    public static IReadOnlyList<SectionFeasibility> Feasibility(IReadOnlyList<BlueprintSection> sections, IReadOnlyCollection<DrawCandidate> pool, IReadOnlySet<string>? seen = null, DrawPolicy? policy = null)
    {
        policy ??= DrawPolicy.Authored;
        // Sections are filled in order and a question serves one section only, so count what is left for each.
        var used = new HashSet<string>();
        var result = new List<SectionFeasibility>();
        foreach (var s in sections)
        {
            var accepted = pool.Where(c => s.Accepts(c) && !used.Contains(c.Id)).ToList();
            var excluded = accepted.Where(c => c.ExcludedBy(policy)).ToList();
            var available = accepted.Where(c => !c.ExcludedBy(policy)).ToList();
            result.Add(new SectionFeasibility(s, available.Count, available.Count(c => seen?.Contains(c.Id) != true))
            {
                Excluded = excluded.Count,
                ExcludedByFlag = excluded.SelectMany(c => c.Observed!.Flags.Distinct()).GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count()),
            });
            foreach (var c in available.Take(s.Count)) used.Add(c.Id);
        }
        return result;
    }

    /// <summary>Draws a paper; throws <see cref="InvalidOperationException"/> naming the section that cannot be filled.</summary>
    /// <param name="policy">Whether flagged questions are excluded and observed facility replaces authored difficulty (default: neither).</param>
    public static IReadOnlyList<DrawnQuestion> Draw(IReadOnlyList<BlueprintSection> sections, IReadOnlyCollection<DrawCandidate> pool, IReadOnlySet<string> seen, int seed, DrawPolicy? policy = null)
    {
        policy ??= DrawPolicy.Authored;
        var rng = new Random(seed);
        var used = new HashSet<string>();
        var paper = new List<DrawnQuestion>();
        for (var si = 0; si < sections.Count; si++)
        {
            var s = sections[si];
            var eligible = pool.Where(c => s.Accepts(c) && !used.Contains(c.Id) && !c.ExcludedBy(policy)).ToList();
            if (eligible.Count < s.Count)
                throw new InvalidOperationException($"section '{s.Title}' needs {s.Count} questions but only {eligible.Count} ready questions match it");
            var target = eligible.Average(c => c.Hardness(policy));
            var (fresh, seenBefore) = RepeatAvoidance.Split(eligible, seen);
            var unseen = Shuffled(fresh, rng);
            var repeat = Shuffled(seenBefore, rng);
            var chosen = PickBalanced(unseen, Math.Min(s.Count, unseen.Count), target, policy);
            if (chosen.Count < s.Count) chosen.AddRange(PickBalanced(repeat, s.Count - chosen.Count, target, policy)); // the bank ran out of unseen ones
            foreach (var c in chosen)
            {
                used.Add(c.Id);
                paper.Add(new DrawnQuestion(c.Id, si, s.PointsEach));
            }
        }
        return paper;
    }

    private static List<DrawCandidate> Shuffled(IEnumerable<DrawCandidate> items, Random rng)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    /// <summary>
    /// Takes the first <paramref name="count"/> of a shuffled list, then swaps a picked question for an
    /// unpicked one while that brings the mean difficulty closer to <paramref name="target"/> (within a
    /// quarter of a level). Random, yet papers drawn from the same blueprint stay comparable.
    /// </summary>
    private static List<DrawCandidate> PickBalanced(List<DrawCandidate> shuffled, int count, double target, DrawPolicy policy)
    {
        var picked = shuffled.Take(count).ToList();
        var rest = shuffled.Skip(count).ToList();
        if (picked.Count == 0) return picked;
        var targetSum = target * picked.Count;
        var sum = picked.Sum(c => c.Hardness(policy));
        while (Math.Abs(sum - targetSum) / picked.Count >= 0.25)
        {
            var (bestI, bestJ, bestGap) = (-1, -1, Math.Abs(sum - targetSum));
            for (var i = 0; i < picked.Count; i++)
                for (var j = 0; j < rest.Count; j++)
                {
                    var gap = Math.Abs(sum - picked[i].Hardness(policy) + rest[j].Hardness(policy) - targetSum);
                    if (gap < bestGap - 1e-9) (bestI, bestJ, bestGap) = (i, j, gap);
                }
            if (bestI < 0) break;
            sum += rest[bestJ].Hardness(policy) - picked[bestI].Hardness(policy);
            (picked[bestI], rest[bestJ]) = (rest[bestJ], picked[bestI]);
        }
        return picked;
    }
}
