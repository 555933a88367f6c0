using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Results;

public sealed record PaperResultsModel(Paper Paper, IReadOnlyList<AttemptRow> Rows, int Total, int Page, int Pages);
