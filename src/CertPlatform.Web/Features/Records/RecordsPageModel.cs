using CertPlatform.Web.Features.Certificates;

namespace CertPlatform.Web.Features.Records;

/// <summary>One page of certificates, or (filter status <see cref="RecordFilter.HeldStatus"/>) of held passes.</summary>
public sealed record RecordsPageModel(RecordFilter Filter, IReadOnlyList<RecordRow> Rows, int Total, int Page, int Pages,
    int DirectZipLimit, bool BadInput, IReadOnlyList<HeldPass>? Held = null);
