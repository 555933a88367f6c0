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
    private readonly Dictionary<string, List<OptionChoice>> answers = new();

    public static bool HasOptions(Question q) => q.Type is QuestionType.Single or QuestionType.Multiple or QuestionType.TrueFalse or QuestionType.Matching;

    /// <summary>Only what the tally needs from a laid-out question (the JSON has more; it is skipped).</summary>
    private sealed record Slim(int Ref, string QuestionId, int Version, int[] Order);

    /// <summary>Adds one attempt: its layout JSON, its saved answers by question ref, its total mark.</summary>
    public void AddAttempt(string layoutJson, IReadOnlyDictionary<int, string> responses, double total)
    {
        foreach (var l in JsonSerializer.Deserialize<List<Slim>>(layoutJson) ?? [])
        {
            var key = AnalyticsKeys.Version(l.QuestionId, l.Version);
            if (!questions.TryGetValue(key, out var q) || !HasOptions(q)) continue;
            var chosen = responses.TryGetValue(l.Ref, out var json) ? Chosen(q, l.Order, json) : [];
            if (!answers.TryGetValue(key, out var list)) answers[key] = list = [];
            list.Add(new OptionChoice(total, chosen));
        }
    }

    public IReadOnlyList<OptionStatistics> Options(string key) =>
        questions.TryGetValue(key, out var q) && HasOptions(q) ? DistractorAnalysis.Compute(OptionsOf(q), answers.GetValueOrDefault(key) ?? []) : [];

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
    private static int[] Chosen(Question q, int[] order, string json)
    {
        int Authored(int d) => d >= 0 && d < order.Length ? order[d] : -1;
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
