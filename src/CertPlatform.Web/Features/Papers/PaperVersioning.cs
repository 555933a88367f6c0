using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Certificates;

namespace CertPlatform.Web.Features.Papers;

/// <summary>Paper versions and approvals: the public surface other features use (the certified content of a paper; the audit actions are in <see cref="Account.AuditActions"/>).</summary>
public static class PaperVersioning
{
    public static CertifiedPaperContent Content(Paper p) => new(p.Kind, p.ProgrammeId, p.TimeLimitMinutes, p.PassMark, p.AttemptsAllowed,
        p.BlueprintJson, p.FixedQuestionsJson, p.ShuffleQuestions, p.ShuffleOptions, p.ReviewShowsScore, p.ReviewShowsAnswers,
        p.ReviewShowsExplanations, p.DrawExcludeFlagged, p.DrawUseObservedFacility);
}
