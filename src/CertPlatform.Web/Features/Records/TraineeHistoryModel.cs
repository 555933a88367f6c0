using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Records;

public sealed record TraineeHistoryModel(AppUser User, IReadOnlyList<HistoryAttempt> Attempts, IReadOnlyList<RecordRow> Certificates);
