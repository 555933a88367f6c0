using CertPlatform.Web.Domain.Statistics;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>Plain-language wording of flags, figures, option labels and upload problems, in the UI language.</summary>
public static class StatisticsText
{
    public static string Flag(IStringLocalizer L, ItemFlag f) => f.Kind switch
    {
        FlagKind.TooEasy => L["太容易：{0}% 的分数被拿到（阈值 {1}%），几乎人人答对，区分不出水平。", F(f.Value), F(f.Threshold)],
        FlagKind.TooHard => L["太难：只拿到 {0}% 的分数（阈值 {1}%），请检查题目是否超纲或表述不清。", F(f.Value), F(f.Threshold)],
        FlagKind.WeakDiscrimination => L["区分度弱（{0}%，低于 {1}%）：总分高和总分低的人在这题上得分差不多。", F(f.Value), F(f.Threshold)],
        FlagKind.NegativeDiscrimination => L["区分度为负（{0}%）：总分高的人反而更常答错——请检查答案是否设错。", F(f.Value)],
        FlagKind.UnusedDistractor => L["干扰项“{0}”几乎没人选（{1}%）：它起不到迷惑作用，可换一个更像样的错误选项。", Option(L, f.Option), F(f.Value)],
        FlagKind.DistractorPreferredByTopGroup => L["高分组更爱选干扰项“{0}”（高分组 {1}%，低分组 {2}%）：它可能也说得通，或答案有误。", Option(L, f.Option), F(f.Value), F(f.Threshold)],
        _ => L["试卷信度偏低：内部一致性系数 {0}%（阈值 {1}%），总分里随机误差较多。", F(f.Value), F(f.Threshold)],
    };

    public static string FlagShort(IStringLocalizer L, FlagKind kind) => kind switch
    {
        FlagKind.TooEasy => L["太容易"],
        FlagKind.TooHard => L["太难"],
        FlagKind.WeakDiscrimination => L["区分度弱"],
        FlagKind.NegativeDiscrimination => L["请检查答案"],
        FlagKind.UnusedDistractor => L["无人选的干扰项"],
        FlagKind.DistractorPreferredByTopGroup => L["高分组偏爱的干扰项"],
        _ => L["信度偏低"],
    };

    public static string Option(IStringLocalizer L, string? label) => label switch
    {
        ResponseTally.TrueLabel => L["正确"],
        ResponseTally.FalseLabel => L["错误"],
        _ => label ?? "",
    };

    public static string Problem(IStringLocalizer L, MatrixError e)
    {
        string what = e.Problem switch
        {
            MatrixProblem.Empty => L["文件是空的。"],
            MatrixProblem.HeaderMustStartWithAttempt => L["第一行（表头）的第一格应为 attempt，实际是“{0}”。", e.Value],
            MatrixProblem.NoQuestionColumns => L["表头中没有题目列：attempt 之后每列写一个题号。"],
            MatrixProblem.QuestionIdMissing => L["表头缺少题号。"],
            MatrixProblem.QuestionIdRepeated => L["题号“{0}”重复。", e.Value],
            MatrixProblem.MaxRowMissing => L["缺少第二行 max（每题满分）。"],
            MatrixProblem.MaxRowMustStartWithMax => L["第二行的第一格应为 max，实际是“{0}”。", e.Value],
            MatrixProblem.MaxNotPositiveNumber => L["满分应为大于 0 的数字，实际是“{0}”。", e.Value],
            MatrixProblem.AttemptIdMissing => L["缺少作答编号（attempt）。"],
            MatrixProblem.AttemptIdRepeated => L["作答编号“{0}”重复。", e.Value],
            MatrixProblem.MarkMissing => L["缺少得分。"],
            MatrixProblem.MarkNotNumber => L["得分“{0}”不是数字。", e.Value],
            MatrixProblem.MarkOutOfRange => L["得分 {0} 超出 0 到该题满分的范围。", e.Value],
            MatrixProblem.ExtraCell => L["表头没有这一列，却填了“{0}”。", e.Value],
            MatrixProblem.TooManyRows => L["作答行数超过上限 {0}。", ResultsMatrix.MaxAttempts],
            MatrixProblem.TooManyColumns => L["题目列数超过上限 {0}。", ResultsMatrix.MaxQuestions],
            _ => L["没有作答行：max 行之后每个作答一行。"],
        };
        return e.Column > 0 ? L["第 {0} 行，第 {1} 列（{2}）：{3}", e.Row, e.Column, e.ColumnLetter, what] : L["第 {0} 行：{1}", e.Row, what];
    }

    /// <summary>Why a file could not be read at all (the reader's message key), or the general message.</summary>
    public static string Unreadable(IStringLocalizer L, string? reason) =>
        reason is null ? L["无法读取文件：它已损坏，或不是 CSV/XLSX。"] : L[reason];

    /// <summary>The 400 message for query parameters that did not bind (naming them).</summary>
    public static string BadQuery(IStringLocalizer L, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state) =>
        L["查询参数无效：{0}（日期请写成 2026-01-31）。", string.Join("、", state.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key))];

    /// <summary>A figure for a table cell: two decimals, or a dash where Moodle leaves the cell blank.</summary>
    public static string Num(double? v, string format = "0.00") =>
        v is { } x && double.IsFinite(x) ? x.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "—";

    /// <summary>A percentage for a table cell.</summary>
    public static string Pct(double? v) => v is { } x && double.IsFinite(x) ? Num(x) + "%" : "—";

    private static string F(double v) => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
