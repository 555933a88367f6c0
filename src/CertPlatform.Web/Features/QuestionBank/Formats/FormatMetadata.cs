using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// The platform's metadata bag that travels beside a format's own markup — GIFT's <c>// @certplatform {json}</c>
/// comment, a QTI package's <c>meta/item-NNNN.xml</c> file (in packages of earlier versions the <c>&lt;cp:certplatform&gt;</c>
/// element of the manifest), and Moodle XML's <c>certplatform:key=value</c> tags (which carry only the fields
/// <see cref="Of"/> fills; Moodle's markup carries the rest) — with what the markup cannot say
/// (lesson, anchor, difficulty, tags, status, points, pool) and, only where the markup does not read back exactly, the
/// exact payload (id, title, texts, options, key…). One owner for both formats: the JSON shape (camelCase, enums as
/// camelCase strings, nulls left out), what a writer copies in, how a reader lays it over what the markup gave.
/// </summary>
public sealed class FormatMetadata
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
    };

    public int V { get; set; } = 1;
    /// <summary>The type, when the markup alone would read as another (GIFT: the essay form of an ordering; QTI: true/false).</summary>
    public QuestionType? Type { get; set; }
    public string? Id { get; set; }
    public string? Title { get; set; }
    public int? Difficulty { get; set; }
    public string? LessonId { get; set; }
    public string? Anchor { get; set; }
    public IReadOnlyList<string>? Tags { get; set; }
    public QuestionStatus? Status { get; set; }
    public decimal? Points { get; set; }
    /// <summary>The question's pool (practice / secure); absent in files written before pools travelled.</summary>
    public QuestionPool? Pool { get; set; }
    public string? Stem { get; set; }
    public string? Explanation { get; set; }
    public string? Rubric { get; set; }
    public string? Scenario { get; set; }
    public IReadOnlyList<ChoiceOption>? Options { get; set; }
    public bool? TrueFalse { get; set; }
    public IReadOnlyList<IReadOnlyList<string>>? Blanks { get; set; }
    public IReadOnlyList<MatchPair>? Pairs { get; set; }
    public IReadOnlyList<string>? Items { get; set; }
    public IReadOnlyList<Question>? Parts { get; set; }

    /// <summary>The payload fields a writer copies in when the markup does not carry them exactly.</summary>
    private static readonly (Func<Question, object?> Get, Action<FormatMetadata, Question> Set)[] Payload =
    [
        (q => q.Id, (m, q) => m.Id = q.Id),
        (q => q.Title, (m, q) => m.Title = q.Title),
        (q => q.Stem, (m, q) => m.Stem = q.Stem),
        (q => q.Explanation, (m, q) => m.Explanation = q.Explanation),
        (q => q.Rubric, (m, q) => m.Rubric = q.Rubric),
        (q => q.Scenario, (m, q) => m.Scenario = q.Scenario),
        (q => q.Options, (m, q) => m.Options = q.Options),
        (q => q.TrueFalseAnswer, (m, q) => m.TrueFalse = q.TrueFalseAnswer),
        (q => q.Blanks, (m, q) => m.Blanks = q.Blanks),
        (q => q.Pairs, (m, q) => m.Pairs = q.Pairs),
        (q => q.Items, (m, q) => m.Items = q.Items),
        (q => q.Parts, (m, q) => m.Parts = q.Parts),
    ];

    /// <summary>What every written question carries: lesson, anchor, difficulty, tags, status, points, pool (and <paramref name="type"/>).</summary>
    public static FormatMetadata Of(Question q, QuestionType? type = null) => new()
    {
        Type = type, Difficulty = q.Difficulty, LessonId = q.LessonId.Length > 0 ? q.LessonId : null, Anchor = q.Anchor, Tags = q.Tags,
        Status = q.Status, Points = q.Points, Pool = q.Pool,
    };

    /// <summary>Copies in every payload field of <paramref name="original"/> that <paramref name="readBack"/> (the markup read back; null: nothing) does not carry exactly.</summary>
    public void KeepExact(Question original, Question? readBack)
    {
        foreach (var (get, set) in Payload)
            if (readBack is null || !Same(get(readBack), get(original))) set(this, original);
    }

    /// <summary>True when both serialise to the same JSON (how the writers compare what they read back).</summary>
    public static bool Same(object? a, object? b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json);

    /// <summary><paramref name="q"/> (read from the markup, with the format's defaults) with every field this bag carries laid over it (the type is the format's to decide).</summary>
    public Question ApplyTo(Question q) => q with
    {
        Id = Id ?? q.Id, Title = Title ?? q.Title,
        Difficulty = Difficulty ?? q.Difficulty, LessonId = LessonId ?? q.LessonId, Anchor = Anchor ?? q.Anchor, Tags = Tags ?? q.Tags,
        Status = Status ?? q.Status, Points = Points ?? q.Points, Pool = Pool ?? q.Pool,
        Stem = Stem ?? q.Stem, Explanation = Explanation ?? q.Explanation, Rubric = Rubric ?? q.Rubric, Scenario = Scenario ?? q.Scenario,
        Options = Options ?? q.Options, TrueFalseAnswer = TrueFalse ?? q.TrueFalseAnswer, Blanks = Blanks ?? q.Blanks, Pairs = Pairs ?? q.Pairs,
        Items = Items ?? q.Items, Parts = Parts ?? q.Parts,
    };

    /// <summary>
    /// Tags as the bank keeps them (the editor's rule): each trimmed, blank ones left out, each once (first spelling),
    /// in the order given. What a format reads as tags goes through here.
    /// </summary>
    public static IReadOnlyList<string> CleanTags(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>This bag's tags with a foreign file's category added as one more tag (when it is not there already).</summary>
    public void AddCategory(string? category)
    {
        if (category is null) return;
        Tags = CleanTags([.. Tags ?? [], category]);
    }

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a bag; false with the parser's message (never an exception) when <paramref name="json"/> is not one.</summary>
    public static bool TryParse(string json, out FormatMetadata? meta, out string error)
    {
        try
        {
            meta = JsonSerializer.Deserialize<FormatMetadata>(json, Json) ?? throw new JsonException("the JSON is null");
            error = "";
            return true;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            meta = null;
            error = ex.Message;
            return false;
        }
    }
}
