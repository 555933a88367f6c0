using System.Text.Json;

namespace CertPlatform.Web.Features.Exams.Contract;

/// <summary>
/// 409 body of a save that lost: a newer answer (or one saved from another device since the client's
/// <see cref="SaveAnswerRequest.BaseSeq"/>) is stored and kept. The client shows <see cref="StoredResponse"/>
/// and continues from <see cref="StoredSeq"/>.
/// </summary>
public sealed record AnswerConflict(string Title, int Status, long StoredSeq, JsonElement StoredResponse);
