namespace CertPlatform.Web.Features.Records;

public sealed record RecordsPageModel(RecordFilter Filter, IReadOnlyList<RecordRow> Rows, int Total, int Page, int Pages,
    int DirectZipLimit, bool BadInput);
