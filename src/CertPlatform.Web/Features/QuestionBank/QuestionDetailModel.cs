using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank;

public sealed record QuestionDetailModel(QuestionRecord Record, Question Question, int ShownVersion, IReadOnlyList<VersionInfo> Versions);
