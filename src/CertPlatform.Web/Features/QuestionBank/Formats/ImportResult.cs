using System.Text;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// A problem found while reading an interchange file, at a 1-based line of <paramref name="File"/>.
/// <paramref name="Skipped"/> = true: the question is reported and left out (e.g. a type the platform
/// does not have), the rest of the import may go ahead. <paramref name="Skipped"/> = false: a hard
/// error (malformed input, an invalid question, a file too large); the import as a whole must not be applied.
/// </summary>
public sealed record ImportIssue(string File, int Line, ImportText Text, bool Skipped)
{
    private static readonly ImportTexts L = ImportTexts.Instance;

    /// <summary>The message in Chinese (pages localise <see cref="Text"/> instead).</summary>
    public string Message => Text.ToString();

    public override string ToString() => Format(null);

    /// <summary>"file:line: message" in the localizer's culture.</summary>
    public string Localize(Microsoft.Extensions.Localization.IStringLocalizer localizer) => Format(localizer);

    private string Format(Microsoft.Extensions.Localization.IStringLocalizer? localizer)
    {
        var text = Skipped ? L["已跳过：{0}", Text] : Text;
        var message = localizer is null ? text.ToString() : text.Localize(localizer);
        return Line > 0 ? $"{File}:{Line}: {message}" : $"{File}: {message}";
    }
}

/// <summary>
/// A question read from a file, the line it starts on and its category path (if the format has one).
/// <see cref="Notes"/> lists what the file said about it that the platform does not keep (shown in the preview).
/// </summary>
public sealed record ImportedQuestion(Question Question, int Line, string? Category)
{
    public IReadOnlyList<ImportIssue> Notes { get; init; } = [];
}

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

    public void Error(string file, int line, ImportText message) => Issues.Add(new(file, line, message, Skipped: false));
    public void Skip(string file, int line, ImportText message) => Issues.Add(new(file, line, message, Skipped: true));
}

public static class ImportLimits
{
    private static readonly ImportTexts L = ImportTexts.Instance;

    /// <summary>Largest file read (16 MB: a whole-bank GIFT export with its metadata comments is about 7 MB).</summary>
    public const long MaxBytes = 16 * 1024 * 1024;
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
        result.Error(file, 1, TooLarge(bytes));
        return false;
    }

    /// <summary>Records a hard error and returns false once a file holds more than <see cref="MaxQuestions"/> questions.</summary>
    public static bool CheckCount(string file, int line, int questionsSoFar, ImportResult result)
    {
        if (questionsSoFar <= MaxQuestions) return true;
        result.Error(file, line, L["文件中的题目超过单次导入 {0} 道的上限，请拆分后分批导入", MaxQuestions]);
        return false;
    }

    /// <summary>The message for a file of <paramref name="bytes"/> bytes over <see cref="MaxBytes"/> (null: size unknown, only "over").</summary>
    public static ImportText TooLarge(long? bytes) => bytes is { } b
        ? L["文件大小为 {0} MB，单次最多导入 {1} MB，请拆分后分批导入", (b / (1024.0 * 1024.0)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), MaxBytes / (1024 * 1024)]
        : L["文件超过 {0} MB 的上限，请拆分后分批导入", MaxBytes / (1024 * 1024)];
}
