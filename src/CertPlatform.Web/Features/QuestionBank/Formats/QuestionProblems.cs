using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>The domain's validation messages (<see cref="Question.Validate"/>) as localisable import texts (type names: <see cref="QuestionTypeLabels"/>).</summary>
public static class QuestionProblems
{
    private static readonly ImportTexts L = ImportTexts.Instance;

    private static readonly Dictionary<string, ImportText> Known = new(StringComparer.Ordinal)
    {
        ["stem is empty"] = L["题干为空"],
        ["difficulty must be 1–5"] = L["难度应为 1–5"],
        ["points must be positive"] = L["分值必须大于 0"],
        ["single choice needs 2–8 options"] = L["单选题需要 2–8 个选项"],
        ["single choice needs exactly one correct option"] = L["单选题必须恰好有一个正确选项"],
        ["multiple choice needs 3–10 options"] = L["多选题需要 3–10 个选项"],
        ["multiple choice needs at least one correct option"] = L["多选题至少需要一个正确选项"],
        ["true/false needs an answer"] = L["判断题缺少答案"],
        ["fill-in needs at least one blank"] = L["填空题至少需要一个空"],
        ["every blank needs at least one non-empty accepted answer"] = L["每个空至少需要一个非空的参考答案"],
        ["matching needs 2–10 pairs"] = L["连线题需要 2–10 对"],
        ["matching sides must be distinct"] = L["连线题左右两侧的各项不能重复"],
        ["ordering needs 2–10 items"] = L["排序题需要 2–10 项"],
        ["ordering items must be distinct"] = L["排序题的各项不能重复"],
        ["essay needs a rubric"] = L["问答题缺少评分要点"],
        ["a case part cannot itself be a case"] = L["案例的小题不能再是案例题"],
        ["case needs a scenario"] = L["案例题缺少案例材料"],
        ["case needs sub-questions"] = L["案例题缺少小题"],
        ["options must be distinct"] = L["选项不能重复"],
    };

    /// <summary>A validation problem as a localisable text (unknown messages are passed through as they are).</summary>
    public static ImportText Describe(string problem)
    {
        if (Known.TryGetValue(problem, out var text)) return text;
        const string marks = "the stem must mark blanks ";
        if (problem.StartsWith(marks, StringComparison.Ordinal))
        {
            var range = problem[marks.Length..];
            var cut = range.IndexOf(" in order", StringComparison.Ordinal);
            return L["题干必须按顺序标出空位 {0}，每个空一处", cut < 0 ? range : range[..cut]];
        }
        if (problem.StartsWith("part ", StringComparison.Ordinal) && problem.IndexOf(": ", StringComparison.Ordinal) is var colon and > 5)
            return L["小题 {0}：{1}", problem[5..colon], Describe(problem[(colon + 2)..])];
        return new ImportText(problem, []);
    }
}
