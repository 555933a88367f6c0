namespace CertPlatform.Web.Features.Notifications;

public sealed record NotificationPreferencesModel(bool OptOut, bool Saved);
