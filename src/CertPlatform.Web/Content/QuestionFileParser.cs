using System.Globalization;
using CertPlatform.Web.Domain.Questions;
using YamlDotNet.RepresentationModel;

namespace CertPlatform.Web.Content;

/// <summary>
/// Reads <c>content/questions/**/*.yaml</c> (format: content/questions/FORMAT.md) into domain
/// questions; every problem is reported as file:line. Cross-references (lesson, anchor, unique ids)
/// are checked by <see cref="ContentLoader"/> once all lessons are known.
/// </summary>
public static class QuestionFileParser
{
    private static readonly Dictionary<string, QuestionType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["single"] = QuestionType.Single, ["multiple"] = QuestionType.Multiple, ["truefalse"] = QuestionType.TrueFalse,
        ["fill"] = QuestionType.Fill, ["matching"] = QuestionType.Matching, ["ordering"] = QuestionType.Ordering,
        ["essay"] = QuestionType.Essay, ["case"] = QuestionType.Case,
    };

    public static QuestionFileParseResult Parse(string file, string text)
    {
        var errors = new List<ContentError>();
        var questions = new List<BankQuestion>();
        var root = YamlNodes.Parse(text.Replace("\r\n", "\n"), 0, out var yamlError, file);
        if (yamlError is not null) return new(null, 0, questions, [yamlError]);
        if (root is not YamlMappingNode map)
            return new(null, 1, questions, [new(file, 1, "must be a mapping with 'lesson' and 'questions'")]);
        var lesson = map.Scalar("lesson");
        var lessonLine = map.Get("lesson") is { } ln ? YamlNodes.LineOf(ln, 0) : 1;
        if (lesson is null) errors.Add(new(file, 1, "missing 'lesson': the id of the lesson these questions test"));
        if (map.Get("questions") is not YamlSequenceNode list || list.Children.Count == 0)
        {
            errors.Add(new(file, 1, "missing 'questions': a list of questions"));
            return new(lesson, lessonLine, questions, errors);
        }
        foreach (var node in list.Children)
        {
            var q = ReadQuestion(node, file, errors, isPart: false, lesson ?? "");
            if (q is not null) questions.Add(new(q, file, YamlNodes.LineOf(node, 0)));
        }
        return new(lesson, lessonLine, questions, errors);
    }

    /// <summary><c>lint-ignore: [{rule, reason}]</c>; a missing reason is reported by the lint (rule <c>lint-ignore</c>).</summary>
    private static List<Domain.Questions.Lint.LintSilence> ReadSilences(YamlNode node, string file, string label, List<ContentError> errors)
    {
        var result = new List<Domain.Questions.Lint.LintSilence>();
        if (node is not YamlSequenceNode seq)
        {
            errors.Add(new(file, YamlNodes.LineOf(node, 0), $"{label}: 'lint-ignore' must be a list of {{rule, reason}}"));
            return result;
        }
        foreach (var entry in seq.Children)
        {
            if (entry is YamlMappingNode em && em.Scalar("rule") is { Length: > 0 } rule)
                result.Add(new(rule, em.Scalar("reason")?.Trim() ?? ""));
            else errors.Add(new(file, YamlNodes.LineOf(entry, 0), $"{label}: each 'lint-ignore' entry needs 'rule' (a lint rule id) and 'reason'"));
        }
        return result;
    }

    private static Question? ReadQuestion(YamlNode node, string file, List<ContentError> errors, bool isPart, string lessonId)
    {
        var line = YamlNodes.LineOf(node, 0);
        if (node is not YamlMappingNode m) { errors.Add(new(file, line, "each question must be a mapping")); return null; }
        var before = errors.Count;
        void Error(string key, string message) =>
            errors.Add(new(file, m.Get(key) is { } n ? YamlNodes.LineOf(n, 0) : line, message));

        var id = m.Scalar("id");
        if (id is null) Error("id", "question: missing 'id'");
        else if (!LessonParser.IsValidId(id)) Error("id", $"question id '{id}' must be lower-case ASCII letters, digits and '-'");
        var label = id ?? "question";
        var typeText = m.Scalar("type");
        QuestionType type = default;
        if (typeText is null) Error("type", $"{label}: missing 'type'");
        else if (!Types.TryGetValue(typeText, out type)) Error("type", $"{label}: unknown type '{typeText}' (use {string.Join(", ", Types.Keys)})");
        var stem = m.Scalar("stem");
        if (stem is null) Error("stem", $"{label}: missing 'stem'");
        var explanation = m.Scalar("explanation") ?? "";
        if (!isPart && explanation.Length == 0) Error("explanation", $"{label}: missing 'explanation' (shown after practice)");
        var difficulty = 3;
        if (m.Scalar("difficulty") is { } d)
        {
            if (!int.TryParse(d, out difficulty) || difficulty is < 1 or > 5) Error("difficulty", $"{label}: difficulty must be a whole number 1–5");
        }
        else if (!isPart) Error("difficulty", $"{label}: missing 'difficulty' (1–5)");
        var anchor = m.Scalar("anchor");
        if (anchor is null && !isPart) Error("anchor", $"{label}: missing 'anchor' (the lesson section it tests)");
        var status = QuestionStatus.Ready;
        if (m.Scalar("status") is { } st && !Enum.TryParse(st, ignoreCase: true, out status))
            Error("status", $"{label}: status must be ready, draft or retired");
        var pool = QuestionPool.Practice;
        if (m.Scalar("pool") is { } pl && !(Enum.TryParse(pl, ignoreCase: true, out pool) && Enum.IsDefined(pool)))
            Error("pool", $"{label}: pool must be practice or secure");
        else if (isPart && m.Get("pool") is not null)
            Error("pool", $"{label}: a case part takes its pool from the case; remove 'pool' here");
        decimal points = 1;
        if (m.Scalar("points") is { } p && (!decimal.TryParse(p, NumberStyles.Number, CultureInfo.InvariantCulture, out points) || points <= 0))
            Error("points", $"{label}: points must be a positive number");
        if (errors.Count > before) return null;

        var q = new Question
        {
            Id = id!, Type = type, Stem = stem!, Explanation = explanation, Difficulty = difficulty, LessonId = lessonId,
            Anchor = anchor, Tags = m.ScalarList("tags") ?? [], Status = status, Pool = pool, Points = points,
            Rubric = m.Scalar("rubric") ?? "", Scenario = m.Scalar("scenario") ?? "",
        };
        switch (type)
        {
            case QuestionType.Single or QuestionType.Multiple:
                var options = new List<ChoiceOption>();
                if (m.Get("options") is YamlSequenceNode os)
                    foreach (var o in os.Children)
                    {
                        if (o is YamlMappingNode om && om.Scalar("text") is { } t)
                            options.Add(new ChoiceOption(t, om.Scalar("correct") is { } c && bool.TryParse(c, out var cb) && cb));
                        else errors.Add(new(file, YamlNodes.LineOf(o, 0), $"{label}: each option needs 'text' (and 'correct: true' for a right answer)"));
                    }
                q = q with { Options = options };
                break;
            case QuestionType.TrueFalse:
                q = q with { TrueFalseAnswer = m.Scalar("answer") is { } a && bool.TryParse(a, out var ab) ? ab : null };
                break;
            case QuestionType.Fill:
                var blanks = new List<IReadOnlyList<string>>();
                if (m.Get("blanks") is YamlSequenceNode bs)
                    foreach (var b in bs.Children)
                        blanks.Add(b is YamlSequenceNode alts ? alts.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList()
                            : b is YamlScalarNode one ? [one.Value ?? ""] : []);
                q = q with { Blanks = blanks };
                break;
            case QuestionType.Matching:
                var pairs = new List<MatchPair>();
                if (m.Get("pairs") is YamlSequenceNode ps)
                    foreach (var pn in ps.Children)
                    {
                        if (pn is YamlMappingNode pm && pm.Scalar("left") is { } l && pm.Scalar("right") is { } r) pairs.Add(new(l, r));
                        else errors.Add(new(file, YamlNodes.LineOf(pn, 0), $"{label}: each pair needs 'left' and 'right'"));
                    }
                q = q with { Pairs = pairs };
                break;
            case QuestionType.Ordering:
                q = q with { Items = m.ScalarList("items") ?? [] };
                break;
            case QuestionType.Essay:
                if (m.Get("points") is null) q = q with { Points = 10 };
                break;
            case QuestionType.Case:
                var parts = new List<Question>();
                if (m.Get("parts") is YamlSequenceNode partNodes)
                    foreach (var pn in partNodes.Children)
                        if (ReadQuestion(pn, file, errors, isPart: true, lessonId) is { } part) parts.Add(part);
                q = q with { Parts = parts };
                break;
        }
        if (m.Get("lint-ignore") is { } ignoreNode)
            q = q with { LintIgnore = ReadSilences(ignoreNode, file, label, errors) };
        foreach (var problem in q.Validate(isPart))
            errors.Add(new(file, line, $"{label}: {problem}"));
        return errors.Count > before ? null : q;
    }
}
