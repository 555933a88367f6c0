using System.Text;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

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
