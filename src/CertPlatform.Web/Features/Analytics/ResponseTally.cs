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
    private static readonly JsonSerializerOptions ResponseOptions = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, List<OptionChoice>> answers = new();

    public static bool HasOptions(Question q) => q.Type is QuestionType.Single or QuestionType.Multiple or QuestionType.TrueFalse or QuestionType.Matching;

    /// <summary>Adds one attempt: its layout JSON, its saved answers by question ref, its total mark.</summary>
    public void AddAttempt(string layoutJson, IReadOnlyDictionary<int, string> responses, double total)
    {
        foreach (var l in JsonSerializer.Deserialize<List<LaidOutQuestion>>(layoutJson) ?? [])
        {
            var key = AnalyticsKeys.Version(l.QuestionId, l.Version);
            if (!questions.TryGetValue(key, out var q) || !HasOptions(q)) continue;
            IReadOnlyCollection<int> chosen = [];
            if (responses.TryGetValue(l.Ref, out var json) && Parse(json) is { } displayed)
                chosen = Chosen(q, AttemptLayout.ToAuthored(q, l, displayed));
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

    private static IReadOnlyCollection<int> Chosen(Question q, Response r) => q.Type switch
    {
        QuestionType.Single or QuestionType.Multiple => r.Selected.Where(i => i >= 0 && i < q.Options.Count).Distinct().ToList(),
        QuestionType.TrueFalse => r.TrueFalse is { } b ? [b ? 0 : 1] : [],
        QuestionType.Matching => r.Matches.Select((right, left) => (right, left))
            .Where(m => m.right >= 0 && m.right < q.Pairs.Count && m.left < q.Pairs.Count).Select(m => m.left * q.Pairs.Count + m.right).ToList(),
        _ => [],
    };

    private static Response? Parse(string json)
    {
        try { return JsonSerializer.Deserialize<Response>(json, ResponseOptions); }
        catch (JsonException) { return null; }
    }

    private static string Short(string text)
    {
        var plain = text.ReplaceLineEndings(" ").Trim();
        return plain.Length <= MaxLabel ? plain : plain[..MaxLabel] + "…";
    }
}
