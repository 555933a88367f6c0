using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.QuestionBank;

public sealed record DiffModel(QuestionRecord Record, int From, int To, IReadOnlyList<DiffLine> Lines);
