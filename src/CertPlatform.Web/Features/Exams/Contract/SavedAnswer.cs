using System.Text.Json;

namespace CertPlatform.Web.Features.Exams.Contract;

/// <summary>The stored answer to one question: the response in displayed positions, its seq and when it was saved.</summary>
public sealed record SavedAnswer(int Ref, JsonElement Response, long Seq, DateTimeOffset SavedAtUtc);
