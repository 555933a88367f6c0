namespace CertPlatform.Web.Features.Exams;

/// <summary>
/// One save for the <see cref="AnswerWriter"/>. <see cref="BaseSeq"/> is the stored seq the client based
/// the answer on, or <see cref="NoBase"/> when it did not say (then only a lower stored seq is replaced).
/// </summary>
public sealed record AnswerSave(string AttemptId, int QuestionRef, string ResponseJson, long Seq, long BaseSeq, long SavedAtMs)
{
    public const long NoBase = -1;
}
