using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Exams.Contract;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.Web.Features.Exams;

/// <summary>An attempt as its owner sees it while sitting it: questions without keys, saved answers with seq, flags.</summary>
public sealed record AttemptView(Attempt Attempt, Paper Paper, IReadOnlyList<QuestionView> Questions, IReadOnlyList<SavedAnswer> Answers, IReadOnlyList<int> Flags)
{
    public IReadOnlyList<string> SectionTitles => PaperAccess.SectionTitles(Paper);
    public SavedAnswer? AnswerTo(int questionRef) => Answers.FirstOrDefault(a => a.Ref == questionRef);

    public static AttemptView Of(LoadedAttempt loaded) => new(
        loaded.Attempt, loaded.Paper,
        loaded.Layout.Select(l => QuestionViews.Of(loaded.QuestionAt(l), l)).ToList(),
        loaded.Answers.Values.OrderBy(a => a.QuestionRef)
            .Select(a => new SavedAnswer(a.QuestionRef, JsonDocument.Parse(a.ResponseJson).RootElement.Clone(), a.Seq, DateTimeOffset.FromUnixTimeMilliseconds(a.SavedAtMs)))
            .ToList(),
        JsonSerializer.Deserialize<List<int>>(loaded.Attempt.FlagsJson) ?? []);
}
