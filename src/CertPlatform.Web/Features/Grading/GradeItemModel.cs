namespace CertPlatform.Web.Features.Grading;

public sealed record GradeItemModel(
    string Token, string Number, string PaperTitle, string QuestionId, int Version, string QuestionType, string Scenario, string Stem,
    decimal Points, decimal AutoScore, decimal ManualMax, IReadOnlyList<GradePart> Parts,
    bool Waiting, decimal? ManualScore, string ManualComment, int QueueCount);
