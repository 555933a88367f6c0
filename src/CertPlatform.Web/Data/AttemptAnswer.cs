namespace CertPlatform.Web.Data;

/// <summary>The newest saved answer to one question of an attempt; <see cref="Seq"/> only moves forward.</summary>
public sealed class AttemptAnswer
{
    public required string AttemptId { get; set; }
    public int QuestionRef { get; set; }
    /// <summary>The response in displayed terms (option positions as shown), JSON.</summary>
    public required string ResponseJson { get; set; }
    public long Seq { get; set; }
    /// <summary>Unix milliseconds (UTC): written by the batching writer with plain SQL on every provider.</summary>
    public long SavedAtMs { get; set; }
}
