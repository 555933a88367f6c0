using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Certificates;

namespace CertPlatform.Web.Features.Papers;

/// <summary>Paper versions and approvals: the public surface other features use (audit actions, the certified content of a paper).</summary>
public static class PaperVersioning
{
    public const string ApprovedAction = "paper.approved";
    public const string ApprovalRefusedAction = "paper.approval-refused";
    /// <summary>A change to an approved paper: the new version awaits approval.</summary>
    public const string ApprovalRevokedAction = "paper.approval-revoked";

    public static CertifiedPaperContent Content(Paper p) => new(p.Kind, p.ProgrammeId, p.TimeLimitMinutes, p.PassMark, p.AttemptsAllowed,
        p.BlueprintJson, p.FixedQuestionsJson, p.ShuffleQuestions, p.ShuffleOptions, p.ReviewShowsScore, p.ReviewShowsAnswers,
        p.ReviewShowsExplanations, p.DrawExcludeFlagged, p.DrawUseObservedFacility);
}
