using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Content;

public sealed record ContentPoolRow(string PartId, QuestionType Type, int Practice, int Secure);
