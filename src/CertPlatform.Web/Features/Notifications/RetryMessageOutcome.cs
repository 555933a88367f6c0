namespace CertPlatform.Web.Features.Notifications;

/// <summary>What "retry now" on the outbox did (<see cref="OutboxQueries.RetryNowAsync"/>).</summary>
public enum RetryMessageOutcome { Retried, NotFound, AlreadySent, InFlight }
