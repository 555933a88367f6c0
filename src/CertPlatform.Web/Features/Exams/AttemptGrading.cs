using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.Exams;

/// <summary>The JSON form of a candidate's response (displayed positions), as stored and sent by clients.</summary>
public static class ResponseJson
{
    public const int MaxLength = 64 * 1024;
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 8,
    };

    public static string Serialize(Response r) => JsonSerializer.Serialize(r, Options);
    public static Response Deserialize(string json) => JsonSerializer.Deserialize<Response>(json, Options) ?? Response.Empty;
    public static Response FromElement(JsonElement e) => e.Deserialize<Response>(Options) ?? Response.Empty;

    /// <summary>True when the response says nothing (no choice, no text): shown as unanswered.</summary>
    public static bool IsBlank(Response r) =>
        r.Selected.Count == 0 && r.TrueFalse is null && r.Blanks.All(string.IsNullOrWhiteSpace) && r.Matches.All(m => m < 0) &&
        r.Order.Count == 0 && string.IsNullOrWhiteSpace(r.Text) && r.Parts.Values.All(IsBlank);
}

/// <summary>
/// Grades a finished attempt's answers against the question versions it pinned. Scores are scaled
/// from the question's own points to the points the paper gives it. Essay parts (alone or inside a
/// case) are left for an examiner: <see cref="AttemptItem.ManualMax"/> is what they can award.
/// </summary>
public static class AttemptGrading
{
    public static IReadOnlyList<LaidOutQuestion> Layout(Attempt a) =>
        JsonSerializer.Deserialize<List<LaidOutQuestion>>(a.LayoutJson) ?? [];

    public static AttemptItem Grade(string attemptId, LaidOutQuestion l, Question q, string partId, Response? displayed)
    {
        var answered = displayed is not null && !ResponseJson.IsBlank(displayed);
        var grade = Grader.Grade(q, answered ? AttemptLayout.ToAuthored(q, l, displayed!) : Response.Empty);
        var scale = grade.Max > 0 ? l.Points / grade.Max : 0m;
        var manualRaw = q.Type switch
        {
            QuestionType.Essay => grade.Max,
            QuestionType.Case => grade.Parts.Where(p => p.NeedsManualGrading).Sum(p => p.Max),
            _ => 0m,
        };
        return new AttemptItem
        {
            AttemptId = attemptId, QuestionRef = l.Ref, QuestionId = q.Id, Version = l.Version, Section = l.Section,
            LessonId = q.LessonId, PartId = partId, Points = l.Points,
            AutoScore = Math.Round(grade.Score * scale, 2, MidpointRounding.AwayFromZero),
            ManualMax = Math.Round(manualRaw * scale, 2, MidpointRounding.AwayFromZero),
            Answered = answered,
            Correct = answered && grade.Score == grade.Max - manualRaw && (grade.Max - manualRaw) > 0,
        };
    }

    /// <summary>Sets the attempt's total, and the verdict once nothing waits for an examiner.</summary>
    public static void Total(Attempt a, IReadOnlyCollection<AttemptItem> items, DateTimeOffset now)
    {
        a.Score = items.Sum(i => i.Score);
        a.MaxScore = items.Sum(i => i.Points);
        var final = items.All(i => !i.NeedsManual);
        a.Grading = final ? GradingStatus.Final : GradingStatus.AwaitingManual;
        a.Passed = final ? a.Score >= a.PassMark : null;
        a.GradedAt = now;
    }
}
