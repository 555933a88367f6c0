using System.Text.Json;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Collects, per question version with options (single, multiple, true/false, matching), which
/// options each attempt chose — mapped from the attempt's shuffled display back to the authored
/// options — with the attempt's total, for <see cref="DistractorAnalysis"/>.
/// </summary>
internal sealed class ResponseTally(IReadOnlyDictionary<string, Question> questions)
{
    public const string TrueLabel = "\u0001true";
    public const string FalseLabel = "\u0001false";
    private const int MaxLabel = 40;
    /// <summary>Per question version with options: which attempts had it and what each chose.</summary>
    private readonly Dictionary<string, ResponseColumn> answers = new();
    /// <summary>Per attempt index: its laid-out questions with options, by question ref, and whether an answer arrived.</summary>
    private readonly Dictionary<int, Dictionary<int, Laid>> layouts = new();
    private readonly Dictionary<string, string> keys = new();
    /// <summary>Per attempt index, its place when the attempts are ranked by total (highest first, then by index); set by <see cref="Complete"/>.</summary>
    private int[] ranks = [];
    public static bool HasOptions(Question q) => q.Type is QuestionType.Single or QuestionType.Multiple or QuestionType.TrueFalse or QuestionType.Matching;

    /// <summary>Only what the tally needs from a laid-out question (the JSON has more; it is skipped).</summary>
    private sealed record Slim(int Ref, string QuestionId, int Version, int[] Order);

    private sealed class Laid(string key, Question question, int[] order)
    {
        public string Key { get; } = key;
        public Question Question { get; } = question;
        public int[] Order { get; } = order;
        public int[]? Chosen { get; set; }
    }

    /// <summary>Adds one attempt's layout (JSON); its answers follow through <see cref="AddResponse"/> in any order.</summary>
    public void AddLayout(int attempt, string layoutJson)
    {
        var laid = new Dictionary<int, Laid>();
        foreach (var l in JsonSerializer.Deserialize<List<Slim>>(layoutJson) ?? [])
        {
            var key = AnalyticsKeys.Version(l.QuestionId, l.Version);
            if (!questions.TryGetValue(key, out var q) || !HasOptions(q)) continue;
            if (!keys.TryGetValue(key, out var shared)) keys[key] = shared = key;
            laid[l.Ref] = new Laid(shared, q, l.Order);
        }
        layouts[attempt] = laid;
    }

    /// <summary>Adds one saved answer (displayed positions, JSON) of an attempt whose layout was added.</summary>
    public void AddResponse(int attempt, int questionRef, string json)
    {
        if (layouts.TryGetValue(attempt, out var laid) && laid.TryGetValue(questionRef, out var l))
            l.Chosen = Chosen(l.Question, l.Order, json);
    }

    /// <summary>
    /// The collector of a question version's choices as digests record them (the version as laid out, the authored
    /// options chosen), made room for <paramref name="capacity"/> answers; null for versions not analysed or without
    /// options (<see cref="AddLayout"/> ignores them too). Look it up once per version, then <see cref="ResponseColumn.Add"/>.
    /// </summary>
    public ResponseColumn? For(string key, int capacity = 0)
    {
        if (!questions.TryGetValue(key, out var q) || !HasOptions(q)) return null;
        if (!answers.TryGetValue(key, out var column)) answers[key] = column = new ResponseColumn(capacity);
        else
        {
            column.Attempts.EnsureCapacity(column.Attempts.Count + capacity);
            column.Chosen.EnsureCapacity(column.Chosen.Count + capacity);
        }
        return column;
    }

    /// <summary>
    /// Closes the tally: every laid-out question of every attempt counts once, with what it chose (nothing when
    /// unanswered), and the attempts are ranked by total (<paramref name="totals"/>, by attempt index), highest first;
    /// equal totals keep the attempts' index order, which ranks ties in the top and bottom groups.
    /// </summary>
    public void Complete(IReadOnlyList<double> totals)
    {
        foreach (var (attempt, laid) in layouts)
            foreach (var l in laid.Values)
                For(l.Key)!.Add(attempt, l.Chosen ?? []);
        layouts.Clear();
        ranks = Ranks(totals);
    }

    /// <summary>Each attempt's place by total, highest first; equal totals in index order.</summary>
    private static int[] Ranks(IReadOnlyList<double> totals)
    {
        var n = totals.Count;
        var negated = new double[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            negated[i] = -totals[i];
            order[i] = i;
        }
        Array.Sort(negated, order);
        // The sort is not stable: put each run of equal totals back in index order.
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && negated[end] == negated[start]) end++;
            if (end - start > 1) Array.Sort(order, start, end - start);
            start = end;
        }
        var ranks = new int[n];
        for (var p = 0; p < n; p++) ranks[order[p]] = p;
        return ranks;
    }

    /// <summary>The distractor analysis of one question version (after <see cref="Complete"/>); safe to call for several versions at once.</summary>
    public IReadOnlyList<OptionStatistics> Options(string key)
    {
        if (!questions.TryGetValue(key, out var q) || !HasOptions(q)) return [];
        if (!answers.TryGetValue(key, out var column)) return DistractorAnalysis.Compute(OptionsOf(q), [], []);
        var attempts = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(column.Attempts);
        var placed = new int[attempts.Length];
        for (var i = 0; i < attempts.Length; i++) placed[i] = ranks[attempts[i]];
        return DistractorAnalysis.Compute(OptionsOf(q), placed, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(column.Chosen));
    }

    public static IReadOnlyList<(string Label, bool Correct)> OptionsOf(Question q) => q.Type switch
    {
        QuestionType.Single or QuestionType.Multiple => q.Options.Select((o, i) => ($"{(char)('A' + i)}. {Short(o.Text)}", o.Correct)).ToList(),
        QuestionType.TrueFalse => [(TrueLabel, q.TrueFalseAnswer == true), (FalseLabel, q.TrueFalseAnswer == false)],
        QuestionType.Matching => q.Pairs.SelectMany((left, i) => q.Pairs.Select((right, j) => ($"{Short(left.Left)} → {Short(right.Right)}", i == j))).ToList(),
        _ => [],
    };

    /// <summary>
    /// The authored options a stored response (displayed positions, JSON) chose: read with a forward-only reader and
    /// mapped through the attempt's option order (displayed position d shows authored option order[d]), as
    /// <see cref="AttemptLayout.ToAuthored"/> does for grading. A response that cannot be read chose nothing.
    /// </summary>
    internal static int[] Chosen(Question q, IReadOnlyList<int> order, string json)
    {
        int Authored(int d) => d >= 0 && d < order.Count ? order[d] : -1;
        var selected = new List<int>(2);
        var matches = new List<int>();
        bool? trueFalse = null;
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return [];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name is "selected" or "matches" && reader.TokenType == JsonTokenType.StartArray)
                {
                    var target = name == "selected" ? selected : matches;
                    while (reader.Read() && reader.TokenType == JsonTokenType.Number) target.Add(reader.TryGetInt32(out var v) ? v : -1);
                }
                else if (name == "trueFalse" && reader.TokenType is JsonTokenType.True or JsonTokenType.False) trueFalse = reader.GetBoolean();
                else reader.Skip();
            }
        }
        catch (JsonException) { return []; }
        return q.Type switch
        {
            QuestionType.Single or QuestionType.Multiple => selected.Select(Authored).Where(i => i >= 0 && i < q.Options.Count).Distinct().ToArray(),
            QuestionType.TrueFalse => trueFalse is { } b ? [b ? 0 : 1] : [],
            QuestionType.Matching => matches.Select((d, left) => (right: Authored(d), left))
                .Where(m => m.right >= 0 && m.right < q.Pairs.Count && m.left < q.Pairs.Count).Select(m => m.left * q.Pairs.Count + m.right).ToArray(),
            _ => [],
        };
    }

    private static string Short(string text)
    {
        var plain = text.ReplaceLineEndings(" ").Trim();
        return plain.Length <= MaxLabel ? plain : plain[..MaxLabel] + "…";
    }
}
