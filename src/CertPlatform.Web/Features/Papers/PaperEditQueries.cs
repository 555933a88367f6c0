using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Features.Analytics;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.Web.Features.Papers;

/// <summary>
/// The paper pages measured against the bank as it is now: the edit model (blueprint feasibility from the pool the
/// paper's kind may draw from, with the item-quality policy the form asks for; the bank's tags; the programmes) and the
/// paper list with each paper's feasibility.
/// </summary>
public sealed class PaperEditQueries(PaperQueries papers, QuestionVersionCache questions, ItemQuality quality)
{
    /// <summary>A blank form for a new paper.</summary>
    public Task<PaperEditModel> NewAsync(CancellationToken ct) => ModelAsync(new PaperForm { IsNew = true }.WithBlankRows(), ct);

    /// <summary>The form of an existing paper; null when there is no such paper.</summary>
    public async Task<PaperEditModel?> EditAsync(string id, CancellationToken ct) =>
        await papers.EditFormAsync(id, ct) is { } form ? await ModelAsync(form, ct) : null;

    /// <summary>The model for this form as posted (a check, or a save with errors): blank section rows are added.</summary>
    public Task<PaperEditModel> RedisplayAsync(PaperForm form, CancellationToken ct) => ModelAsync(form.WithBlankRows(), ct);

    private async Task<PaperEditModel> ModelAsync(PaperForm form, CancellationToken ct)
    {
        var pool = await quality.EnrichAsync((await questions.PoolAsync(ct)).In(DrawPools.ForPaper(form.Kind == PaperKind.Certification)), ct);
        var policy = quality.PolicyFor(new Paper { Id = "", Title = "", Kind = "", Status = "", DrawExcludeFlagged = form.DrawExcludeFlagged, DrawUseObservedFacility = form.DrawUseObservedFacility });
        return new PaperEditModel(form, form.Mode == PaperMode.Blueprint ? Blueprint.Feasibility(form.Blueprint(), pool, policy: policy) : [],
            pool.SelectMany(c => c.Tags).Distinct().Order().ToList(), await papers.ProgrammesAsync(ct));
    }

    /// <summary>Every paper (by kind then id) with whether the bank can fill each of its sections now.</summary>
    public async Task<IReadOnlyList<PaperSummary>> SummariesAsync(CancellationToken ct)
    {
        var all = await papers.ListAsync(ct);
        var ready = await questions.PoolAsync(ct);
        var pools = new Dictionary<bool, IReadOnlyList<DrawCandidate>>
        {
            [true] = await quality.EnrichAsync(ready.In(DrawPools.ForPaper(true)), ct),
            [false] = await quality.EnrichAsync(ready.In(DrawPools.ForPaper(false)), ct),
        };
        return all.Select(p => new PaperSummary(p, Blueprint.Feasibility(PaperAccess.Sections(p), pools[p.Kind == PaperKind.Certification], policy: quality.PolicyFor(p)))).ToList();
    }
}
