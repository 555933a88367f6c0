using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CertPlatform.Web.Features.Notifications;

/// <summary>Checks the "Notifications" section at start-up; every message names its configuration key.</summary>
public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions o)
    {
        var problems = new List<string>();
        if (o.ScanSeconds is < 5 or > 86_400) problems.Add("Notifications:ScanSeconds must be 5–86400");
        if (o.DispatchSeconds is < 1 or > 3_600) problems.Add("Notifications:DispatchSeconds must be 1–3600");
        if (o.MaxAttempts is < 1 or > 100) problems.Add("Notifications:MaxAttempts must be 1–100");
        if (o.LookbackDays is < 0 or > 365) problems.Add("Notifications:LookbackDays must be 0–365");
        if (o.Smtp.TimeoutSeconds is < 1 or > 600) problems.Add("Notifications:Smtp:TimeoutSeconds must be 1–600");
        if (!Enum.TryParse<SecureSocketOptions>(o.Smtp.Security, ignoreCase: true, out _))
            problems.Add("Notifications:Smtp:Security must be None, StartTls, StartTlsWhenAvailable, SslOnConnect or Auto");
        if (o.IsEnabled)
        {
            if (string.IsNullOrWhiteSpace(o.Smtp.Host)) problems.Add("Notifications:Smtp:Host is required when Notifications:Enabled is true");
            if (o.Smtp.Port is < 1 or > 65_535) problems.Add("Notifications:Smtp:Port must be 1–65535");
            if (!MailboxAddress.TryParse(o.FromAddress, out var from) || !from.Address.Contains('@'))
                problems.Add("Notifications:FromAddress must be an e-mail address (the sender of notifications)");
            if (o.Smtp.Username.Length > 0 && o.Smtp.Password.Length == 0)
                problems.Add("Notifications:Smtp:Password is required when Notifications:Smtp:Username is set");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
