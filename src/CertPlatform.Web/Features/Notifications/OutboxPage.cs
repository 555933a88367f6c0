using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Notifications;

public sealed record OutboxPage(IReadOnlyList<OutboxMessage> Messages, string? Status, int Number, bool HasMore, IReadOnlyDictionary<string, int> Counts);
