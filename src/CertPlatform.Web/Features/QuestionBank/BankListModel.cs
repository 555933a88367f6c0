using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.QuestionBank;

public sealed record BankListModel(BankFilter Filter, IReadOnlyList<QuestionRecord> Rows, int Total, int Page, int Pages);
