using CertPlatform.Web.Features.Exams.Contract;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Exams;

/// <summary>What the exam page and the exam API tell the trainee about each outcome, in the UI language.</summary>
public static class ExamMessages
{
    public static string Start(StartAttemptResult r, IStringLocalizer L) => r.Outcome switch
    {
        StartAttemptOutcome.NotFound => L["没有这场考试，或它不对您开放。"],
        StartAttemptOutcome.NotYetOpen => L["考试尚未开放。"],
        StartAttemptOutcome.Closed => L["考试已关闭。"],
        StartAttemptOutcome.NoAttemptsLeft => L["本考试最多可参加 {0} 次，您的次数已用完。", r.AttemptsAllowed],
        StartAttemptOutcome.WrongPassword => L["考试密码不正确。"],
        StartAttemptOutcome.PasswordLocked => L["考试密码输错次数过多，已暂时锁定，请 {0} 分钟后再试。", (int)Papers.PaperPasswordGuard.LockDuration.TotalMinutes],
        StartAttemptOutcome.CannotDraw => L["题库中可用的试题不足，暂时无法组卷，请联系考务人员。"],
        StartAttemptOutcome.StartedElsewhere => L["考试刚刚开始于另一个窗口，请刷新。"],
        _ => "",
    };

    public static string Save(SaveAnswerResult r, IStringLocalizer L) => r.Outcome switch
    {
        SaveAnswerOutcome.NoSuchQuestion => L["这场考试没有这道题。"],
        SaveAnswerOutcome.BadSeq => L["seq 必须是 1 到 {0} 之间的整数；baseSeq 必须是小于 seq 的非负整数。", SaveAnswerRequest.MaxSeq],
        SaveAnswerOutcome.BadResponse => L["答案格式不正确：{0}", r.Detail ?? ""],
        SaveAnswerOutcome.TooLong => L["答案过长（最多 {0} 个字符）。", Domain.Questions.ResponseJson.MaxLength],
        SaveAnswerOutcome.Stale => L["这道题已有更新的答案（可能保存自另一台设备或窗口），已保留该答案。"],
        SaveAnswerOutcome.Finished => L["考试已结束。"],
        SaveAnswerOutcome.TimeUp => L["考试时间已到。"],
        _ => "",
    };

    public static string NotYours(IStringLocalizer L) => L["没有找到这份答卷。"];

    public static string UnknownEvent(string kind, IStringLocalizer L) => L["未知的事件类型：{0}", kind];

    public static string NoSuchFlagQuestion(IStringLocalizer L) => L["这场考试没有这道题。"];
}
