using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Records;

public sealed record TraineeHistoryModel(AppUser User, IReadOnlyList<HistoryAttempt> Attempts, IReadOnlyList<RecordRow> Certificates);
