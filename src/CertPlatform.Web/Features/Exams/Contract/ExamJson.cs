using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertPlatform.Web.Features.Exams.Contract;

/// <summary>
/// Source-generated JSON for the autosave and flag calls (the hot path: no reflection-based serializer
/// metadata per request), with the web defaults every other API body uses (camelCase names,
/// case-insensitive reading, numbers also accepted as strings). The load driver compiles this too.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SaveAnswerRequest))]
[JsonSerializable(typeof(AnswerSaved))]
[JsonSerializable(typeof(AnswerConflict))]
[JsonSerializable(typeof(FlagRequest))]
[JsonSerializable(typeof(FlagsChanged))]
public sealed partial class ExamJson : JsonSerializerContext;
