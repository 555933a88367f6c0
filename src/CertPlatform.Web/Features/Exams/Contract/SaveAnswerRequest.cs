using System.Text.Json;

namespace CertPlatform.Web.Features.Exams.Contract;

/// <summary>
/// Body of <c>PUT /api/attempts/{attemptId}/answers/{questionRef}</c>. <see cref="Seq"/> numbers this
/// answer (1 … <see cref="MaxSeq"/>, higher than the seq it replaces). <see cref="BaseSeq"/> is the stored
/// seq the client last saw for this question (0 when nothing was stored): when another device stored
/// something since, the save is refused with 409 and the stored answer. Without <see cref="BaseSeq"/> the
/// save wins only over a lower stored seq.
/// </summary>
public sealed record SaveAnswerRequest(JsonElement Response, long Seq, long? BaseSeq = null)
{
    /// <summary>The highest seq accepted; anything above is refused with 400.</summary>
    public const long MaxSeq = 1_000_000_000;
}
