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
    private readonly Dictionary<string, List<(int Attempt, OptionChoice Choice)>> answers = new();
    /// <summary>Per attempt index: its laid-out questions with options, by question ref, and whether an answer arrived.</summary>
    private readonly Dictionary<int, Dictionary<int, Laid>> layouts = new();
    private readonly Dictionary<string, string> keys = new();
    /// <summary>Choices read from attempt digests (already in authored terms), added to the answers on <see cref="Complete"/>.</summary>
    private readonly List<(int Attempt, string Key, int[] Chosen)> digested = new();
    private static readonly int[][] Single = Enumerable.Range(0, 64).Select(i => new[] { i }).ToArray();

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
    /// Adds one laid-out question of an attempt as its digest recorded it: the question version as laid out and the
    /// authored options chosen (empty when unanswered). Versions not analysed, or without options, are ignored, as
    /// <see cref="AddLayout"/> ignores them.
    /// </summary>
    public void AddChosen(int attempt, string key, ReadOnlySpan<int> chosen)
    {
        if (!questions.TryGetValue(key, out var q) || !HasOptions(q)) return;
        var array = chosen.Length switch
        {
            0 => [],
            1 when chosen[0] < Single.Length => Single[chosen[0]],
            _ => chosen.ToArray(),
        };
        digested.Add((attempt, key, array));
    }

    /// <summary>Makes room for <paramref name="count"/> choices from digests (<see cref="AddChosen"/>) at once.</summary>
    public void Reserve(int count) => digested.Capacity = Math.Max(digested.Capacity, digested.Count + count);

    /// <summary>
    /// Closes the tally: every laid-out question of every attempt counts once, with what it chose (nothing when
    /// unanswered) and the attempt's total; attempts keep their index order, which ranks ties in the top and bottom groups.
    /// </summary>
    public void Complete(IReadOnlyList<double> totals)
    {
        foreach (var (attempt, laid) in layouts)
            foreach (var l in laid.Values)
            {
                if (!answers.TryGetValue(l.Key, out var list)) answers[l.Key] = list = [];
                list.Add((attempt, new OptionChoice(totals[attempt], l.Chosen ?? [])));
            }
        layouts.Clear();
        foreach (var (attempt, key, chosen) in digested)
        {
            if (!answers.TryGetValue(key, out var list)) answers[key] = list = [];
            list.Add((attempt, new OptionChoice(totals[attempt], chosen)));
        }
        digested.Clear();
        foreach (var list in answers.Values) list.Sort((a, b) => a.Attempt.CompareTo(b.Attempt));
    }

    public IReadOnlyList<OptionStatistics> Options(string key) =>
        questions.TryGetValue(key, out var q) && HasOptions(q) ? DistractorAnalysis.Compute(OptionsOf(q), answers.TryGetValue(key, out var list) ? list.ConvertAll(x => x.Choice) : []) : [];

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
