using System.Text;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// A problem found while reading an interchange file, at a 1-based line of <paramref name="File"/>.
/// <paramref name="Skipped"/> = true: the question is reported and left out (e.g. a type the platform
/// does not have), the rest of the import may go ahead. <paramref name="Skipped"/> = false: a hard
/// error (malformed input, an invalid question, a file too large); the import as a whole must not be applied.
/// </summary>
public sealed record ImportIssue(string File, int Line, string Message, bool Skipped)
{
    public override string ToString() => $"{File}:{Line}: {(Skipped ? "skipped: " : "")}{Message}";
}

/// <summary>A question read from a file, the line it starts on and its category path (if the format has one).</summary>
public sealed record ImportedQuestion(Question Question, int Line, string? Category);

/// <summary>
/// What an importer read. Importers never throw on malformed input: every problem is an
/// <see cref="ImportIssue"/> with a line number, and questions that had a hard error are not in
/// <see cref="Questions"/>.
/// </summary>
public sealed class ImportResult
{
    public List<ImportedQuestion> Questions { get; } = [];
    public List<ImportIssue> Issues { get; } = [];

    /// <summary>True when nothing but skipped questions was reported: the questions may be imported.</summary>
    public bool Ok => Issues.All(i => i.Skipped);

    public void Error(string file, int line, string message) => Issues.Add(new(file, line, message, Skipped: false));
    public void Skip(string file, int line, string message) => Issues.Add(new(file, line, message, Skipped: true));
}

public static class ImportLimits
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxQuestions = 5000;

    /// <summary>
    /// Checks <paramref name="text"/> against <see cref="MaxBytes"/> (its UTF-8 size) and records a hard
    /// error in <paramref name="result"/> when it is larger. Returns false when the input must not be read.
    /// </summary>
    public static bool CheckSize(string file, string text, ImportResult result)
    {
        // Every char is at least one UTF-8 byte, so a long string needs no counting.
        var bytes = text.Length > MaxBytes ? text.Length : Encoding.UTF8.GetByteCount(text);
        if (bytes <= MaxBytes) return true;
        result.Error(file, 1, $"the file is {bytes / (1024.0 * 1024.0):0.0} MB; at most {MaxBytes / (1024 * 1024)} MB can be imported at once (split it into smaller files)");
        return false;
    }

    /// <summary>Records a hard error and returns false once a file holds more than <see cref="MaxQuestions"/> questions.</summary>
    public static bool CheckCount(string file, int line, int questionsSoFar, ImportResult result)
    {
        if (questionsSoFar <= MaxQuestions) return true;
        result.Error(file, line, $"the file holds more than {MaxQuestions} questions; split it into smaller files");
        return false;
    }
}
