using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Turns graded attempt items into a <see cref="ScoreMatrix"/> with one column per slot. A blueprint
/// paper's slot is a position within a section (the nth question of section k, whichever question
/// was drawn there); a fixed paper's slot is its question. Where a slot drew several question
/// versions, <see cref="ScoreMatrix.Drawn"/> records which one each attempt had.
/// </summary>
internal static class AttemptMatrix
{
    /// <param name="versions">Question version keys ("id v2") by index, as in <see cref="AttemptCell.Version"/>.</param>
    /// <param name="parts">Part ids by index, as in <see cref="AttemptCell.Part"/>.</param>
    /// <param name="sectionTitles">Blueprint section titles, or null for a fixed paper.</param>
    /// <param name="fixedOrder">A fixed paper's question ids in paper order.</param>
    public static (ScoreMatrix Matrix, Dictionary<string, string?> SlotQuestion) Build(
        IReadOnlyList<string> attempts, List<AttemptCell> cells, IReadOnlyList<string> versions, IReadOnlyList<string> parts,
        IReadOnlyList<string>? sectionTitles, IReadOnlyList<string> fixedOrder)
    {
        var slotOf = new int[cells.Count];
        var slotKeys = new List<(string Key, string Label, int Order1, int Order2)>();
        if (sectionTitles is not null)
        {
            // Sections are contiguous in an attempt's layout: the first ref of a section is its start.
            var start = new Dictionary<(int, int), int>();
            foreach (var c in cells)
                start[(c.Attempt, c.Section)] = start.TryGetValue((c.Attempt, c.Section), out var s) ? Math.Min(s, c.Ref) : c.Ref;
            var slotIndex = new Dictionary<(int Section, int Position), int>();
            for (var i = 0; i < cells.Count; i++)
            {
                var c = cells[i];
                var position = c.Ref - start[(c.Attempt, c.Section)];
                if (!slotIndex.TryGetValue((c.Section, position), out var k))
                {
                    var title = c.Section < sectionTitles.Count ? sectionTitles[c.Section] : $"{c.Section + 1}";
                    slotIndex[(c.Section, position)] = k = slotKeys.Count;
                    slotKeys.Add(($"s{c.Section + 1}-{position + 1}", $"{title} · {position + 1}", c.Section, position));
                }
                slotOf[i] = k;
            }
        }
        else
        {
            // A fixed paper's slot is its question: every version of the question shares it.
            var order = fixedOrder.Select((id, n) => (id, n)).GroupBy(x => x.id).ToDictionary(g => g.Key, g => g.First().n);
            var slotOfId = new Dictionary<string, int>();
            var slotOfVersion = versions.Select(v =>
            {
                var id = v[..v.LastIndexOf(" v", StringComparison.Ordinal)];
                if (!slotOfId.TryGetValue(id, out var k))
                {
                    slotOfId[id] = k = slotKeys.Count;
                    slotKeys.Add((id, id, order.GetValueOrDefault(id, int.MaxValue), 0));
                }
                return k;
            }).ToArray();
            for (var i = 0; i < cells.Count; i++) slotOf[i] = slotOfVersion[cells[i].Version];
        }

        // Columns in paper order.
        var sorted = Enumerable.Range(0, slotKeys.Count).OrderBy(k => slotKeys[k].Order1).ThenBy(k => slotKeys[k].Order2).ThenBy(k => slotKeys[k].Key, StringComparer.Ordinal).ToArray();
        var column = new int[slotKeys.Count];
        for (var j = 0; j < sorted.Length; j++) column[sorted[j]] = j;

        var p = sorted.Length;
        var marks = new double[attempts.Count][];
        var drawn = new string?[attempts.Count][];
        for (var i = 0; i < attempts.Count; i++)
        {
            marks[i] = new double[p];
            drawn[i] = new string?[p];
        }
        var max = new double[p];
        var partOf = new int?[p];
        var mixedPart = new bool[p];
        // The one question version each slot drew (an index into versions), -1 before any, -2 once it drew two.
        var drewOnly = new int[p];
        Array.Fill(drewOnly, -1);
        Fill(CollectionsMarshal.AsSpan(cells), slotOf, column, versions, marks, drawn, max, partOf, mixedPart, drewOnly);
        var columns = sorted.Select((k, j) => new ScoreColumn(slotKeys[k].Key, slotKeys[k].Label, max[j],
            mixedPart[j] || partOf[j] is null ? "" : parts[partOf[j]!.Value])).ToList();
        var slotQuestion = new Dictionary<string, string?>();
        for (var j = 0; j < p; j++) slotQuestion[columns[j].Key] = drewOnly[j] >= 0 ? versions[drewOnly[j]] : null;
        return (new ScoreMatrix(columns, attempts, marks, drawn), slotQuestion);
    }

    /// <summary>The cells into the rows of marks and drawn versions, with each column's maximum, part and drawn versions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fill(ReadOnlySpan<AttemptCell> cells, int[] slotOf, int[] column, IReadOnlyList<string> versions, double[][] marks, string?[][] drawn,
        double[] max, int?[] partOf, bool[] mixedPart, int[] drewOnly)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var c = cells[i];
            var j = column[slotOf[i]];
            marks[c.Attempt][j] = c.Mark;
            drawn[c.Attempt][j] = versions[c.Version];
            max[j] = Math.Max(max[j], c.Max);
            if (partOf[j] is null) partOf[j] = c.Part;
            else if (partOf[j] != c.Part) mixedPart[j] = true;
            if (drewOnly[j] == -1) drewOnly[j] = c.Version;
            else if (drewOnly[j] != c.Version) drewOnly[j] = -2;
        }
    }
}
