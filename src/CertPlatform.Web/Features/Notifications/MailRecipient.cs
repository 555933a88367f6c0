namespace CertPlatform.Web.Features.Notifications;

/// <summary>Who receives a notification: an account's address and name.</summary>
public sealed record MailRecipient(string UserId, string Email, string Name);
