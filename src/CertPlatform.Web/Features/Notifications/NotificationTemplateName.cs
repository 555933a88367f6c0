namespace CertPlatform.Web.Features.Notifications;

/// <summary>The template files in content/notifications/ and the placeholders each may use.</summary>
public static class NotificationTemplateName
{
    public const string ExamAssigned = "exam-assigned";
    public const string ExamWindowOpening = "exam-window-opening";
    public const string ResultFinal = "result-final";
    public const string CertificateIssued = "certificate-issued";
    public const string CertificateExpiring = "certificate-expiring";
    public const string CertificateExpiringHr = "certificate-expiring-hr";
    public const string CertificateRevoked = "certificate-revoked";

    private static readonly string[] Certificate = ["name", "number", "title", "level", "expires", "verifyUrl", "siteUrl"];

    public static readonly IReadOnlyDictionary<string, IReadOnlyCollection<string>> Placeholders = new Dictionary<string, IReadOnlyCollection<string>>
    {
        [ExamAssigned] = ["name", "paper", "opens", "closes", "examsUrl", "siteUrl"],
        [ExamWindowOpening] = ["name", "paper", "opens", "closes", "examsUrl", "siteUrl"],
        [ResultFinal] = ["name", "paper", "verdict", "verdictEn", "score", "finished", "resultUrl", "siteUrl"],
        [CertificateIssued] = Certificate,
        [CertificateExpiring] = [.. Certificate, "days"],
        [CertificateExpiringHr] = [.. Certificate, "days", "holder", "employeeNumber", "organization"],
        [CertificateRevoked] = [.. Certificate, "reason", "revoked"],
    };
}
