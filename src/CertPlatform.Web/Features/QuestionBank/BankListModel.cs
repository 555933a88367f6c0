using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.QuestionBank;

public sealed record BankListModel(BankFilter Filter, IReadOnlyList<QuestionRecord> Rows, int Total, int Page, int Pages);
