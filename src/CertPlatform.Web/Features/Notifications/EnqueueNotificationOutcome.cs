namespace CertPlatform.Web.Features.Notifications;

/// <summary>What <see cref="EnqueueNotification"/> did: queued the message, found it queued already, or skipped it (opted out, no address).</summary>
public enum EnqueueNotificationOutcome { Enqueued, AlreadyEnqueued, OptedOut, NoAddress }
